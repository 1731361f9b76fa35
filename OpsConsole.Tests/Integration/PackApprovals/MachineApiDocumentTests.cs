using System.Net;
using System.Text.Json;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>The published OpenAPI document: every machine endpoint with its answers, the C# model of each schema, and no page.</summary>
[Trait("Category", "Integration")]
public sealed class MachineApiDocumentTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly AlertsApp app = new(fixture);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    public static async Task<JsonElement> DocumentAsync(AlertsApp app)
    {
        using var response = await app.Host.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task The_document_lists_the_machine_endpoints_and_no_page()
    {
        var paths = (await DocumentAsync(app)).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/notifications/pack-approvals", paths);
        Assert.Contains("/notifications/pack-approvals/{runId}/{approvalId}/ack", paths);
        Assert.Contains("/api/approval-requests", paths);
        Assert.Contains("/api/ingest/market-prices", paths);
        Assert.All(paths, p => Assert.Matches("^/(api|notifications|metrics|hubs|openapi)/", p));
    }

    [Fact]
    public async Task Each_pack_model_is_named_by_its_csharp_type_and_the_events_by_their_type_discriminator()
    {
        var schemas = (await DocumentAsync(app)).GetProperty("components").GetProperty("schemas");
        string? Model(string name) => schemas.TryGetProperty(name, out var s) && s.TryGetProperty("x-cs", out var cs) ? cs.GetString() : null;

        Assert.Equal("OpsConsole.Contracts.PackApprovals.PackAckRequest", Model("PackAckRequest"));
        Assert.Equal("OpsConsole.Contracts.PackApprovals.PackAckAnswer", Model("PackAckAnswer"));
        Assert.Equal("OpsConsole.Contracts.PackApprovals.PackEventAnswer", Model("PackEventAnswer"));
        var events = schemas.EnumerateObject().Where(s => s.Name.StartsWith("PackEvent", StringComparison.Ordinal)).Select(s => s.Name).ToList();
        Assert.Contains(schemas.EnumerateObject(), s => s.Value.ToString().Contains("PackApprovalRequested", StringComparison.Ordinal));
        Assert.NotEmpty(events);
    }
}

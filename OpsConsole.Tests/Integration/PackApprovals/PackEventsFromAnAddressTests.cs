using System.Net;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>A key with an address allowlist is accepted from its addresses only, on real Kestrel where the client's address
/// is the socket's; a refused event stores nothing.</summary>
[Trait("Category", "Integration")]
public sealed class PackEventsFromAnAddressTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Secret = "runner-secret-0123456789";
    OpsAppFactory app = null!;
    Uri server = null!;

    public Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString, new Dictionary<string, string?>
        {
            ["MachineClients:Keys:runner:Secret"] = Secret,
            ["MachineClients:Keys:runner:Tenant"] = "demo",
            ["MachineClients:Keys:runner:Scopes"] = PackApprovalsFeature.EventsScope,
            ["MachineClients:Keys:runner:AllowedAddresses"] = "127.0.0.1",
        });
        server = app.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<HttpResponseMessage> SendFromAsync(string address, string runId)
    {
        using var client = LoopbackClient.From(address, server);
        var body = PackEventsFor.Json(PackEventsFor.Hold(runId, DateTimeOffset.UtcNow));
        return await client.SendAsync(SignedRequest.Create(HttpMethod.Post, "/notifications/pack-approvals", "runner", Secret, DateTimeOffset.UtcNow, body));
    }

    [Fact]
    public async Task The_allowed_address_is_accepted_and_another_gets_403_with_nothing_stored()
    {
        using var allowed = await SendFromAsync("127.0.0.1", "run-from-allowed");
        using var refused = await SendFromAsync("127.0.0.2", "run-from-elsewhere");

        Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await SignedRequest.ProblemAsync(refused);
        Assert.Equal("address", problem.GetProperty("check").GetString());
        Assert.DoesNotContain("127.0.0.1", problem.GetProperty("detail").GetString());
        await using var db = fixture.CreateContext();
        // What a request stores is the accepted event; the hold follows when it is applied.
        Assert.Equal(["run-from-allowed"], await db.AcceptedPackEvents.Select(e => e.RunId).ToListAsync());
    }
}

using System.Net;
using System.Text.Json;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>Every answer the pack endpoints give is one the OpenAPI document declares for that operation, with the
/// declared media type, and the document carries an example of each request.</summary>
[Trait("Category", "Integration")]
public sealed class PackContractTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Events = "/notifications/pack-approvals";
    const string Ack = "/notifications/pack-approvals/{runId}/{approvalId}/ack";
    readonly AlertsApp app = new(fixture, new Dictionary<string, string?>
    {
        ["PackApprovals:Department"] = "treasury",
        ["MachineClients:Keys:acme:Secret"] = "acme-secret-0123456789",
        ["MachineClients:Keys:acme:Tenant"] = "acme",
        ["MachineClients:Keys:acme:Scopes"] = "Notifier.Events:Write",
        ["RateLimits:Machine:PerKey"] = "30",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    static async Task CheckAsync(JsonElement document, string path, HttpResponseMessage response)
    {
        var code = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var declared = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("responses");
        Assert.True(declared.TryGetProperty(code, out var answer), $"{path} answered {code}, which the document does not declare");
        var media = response.Content.Headers.ContentType?.MediaType;
        Assert.True(answer.TryGetProperty("content", out var content) && content.TryGetProperty(media!, out _),
            $"{path} answered {code} as {media}, which the document does not declare");
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Each_answer_of_the_events_and_ack_endpoints_is_declared()
    {
        var document = await MachineApiDocumentTests.DocumentAsync(app);
        var requested = PackEventsFor.Requested("run-contract", app.Clock.GetUtcNow());
        var ackPath = $"{Events}/run-contract/{requested.ApprovalId}/ack";
        PackAckRequest Decision(string decision, string actor = "manager@demo.local") => new()
        {
            Decision = decision,
            Actor = actor,
            Comment = "ok",
            DecisionHash = PackDecisionHash.Compute("demo", "run-contract", requested.ApprovalId, requested.PlanHash, decision),
        };
        string Body(PackAckRequest a) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web);

        var eventAnswers = new List<HttpResponseMessage>
        {
            await app.PostEventAsync(PackEventsFor.Json(requested)),                                         // 202
            await app.PostEventAsync(PackEventsFor.Json(requested)),                                         // 200
            await app.PostEventAsync("{}"),                                                                  // 400
            await app.PostEventAsync(PackEventsFor.Json(requested), "demo", "wrong-secret"),                  // 401
            await app.PostEventAsync(PackEventsFor.Json(requested), "acme", "acme-secret-0123456789"),        // 403
            await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Updated(requested with { ApprovalId = "x" }, 2, ["s"]))), // 404
            await app.PostEventAsync(PackEventsFor.Json(requested with { StepIds = ["other"] })),            // 409
        };
        var ackAnswers = new List<HttpResponseMessage>
        {
            await app.PostAsync(ackPath, Body(Decision(PackDecisions.Approve, "viewer@demo.local"))),           // 403
            await app.PostAsync(ackPath, Body(Decision(PackDecisions.Approve) with { DecisionHash = "0" })),    // 400
            await app.PostAsync(ackPath.Replace("run-contract", "run-none"), Body(Decision(PackDecisions.Approve))), // 404
            await app.PostAsync(ackPath, Body(Decision(PackDecisions.Approve))),                                // 200
            await app.PostAsync(ackPath, Body(Decision(PackDecisions.Reject))),                                 // 409
        };

        Assert.Equal([202, 200, 400, 401, 403, 404, 409], eventAnswers.Select(r => (int)r.StatusCode));
        Assert.Equal([403, 400, 404, 200, 409], ackAnswers.Select(r => (int)r.StatusCode));
        foreach (var response in eventAnswers)
            await CheckAsync(document, Events, response);
        foreach (var response in ackAnswers)
            await CheckAsync(document, Ack, response);
        foreach (var response in eventAnswers.Concat(ackAnswers))
            response.Dispose();

        // A client over its allowance is told to wait, as declared.
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 100 && limited is null; i++)
        {
            var response = await app.PostEventAsync(PackEventsFor.Json(requested));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                limited = response;
            else
                response.Dispose();
        }
        Assert.NotNull(limited);
        Assert.NotNull(limited.Headers.RetryAfter);
        await CheckAsync(document, Events, limited);
        limited.Dispose();
    }

    [Fact]
    public async Task The_document_carries_an_example_of_each_pack_request()
    {
        var paths = (await MachineApiDocumentTests.DocumentAsync(app)).GetProperty("paths");
        foreach (var path in new[] { Events, Ack })
        {
            var example = paths.GetProperty(path).GetProperty("post").GetProperty("requestBody").GetProperty("content")
                .GetProperty("application/json").GetProperty("example");
            Assert.Equal(JsonValueKind.Object, example.ValueKind);
        }
        var eventExample = paths.GetProperty(Events).GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("example");
        Assert.Equal(PackEventTypes.ApprovalRequested, eventExample.GetProperty("type").GetString());
    }
}

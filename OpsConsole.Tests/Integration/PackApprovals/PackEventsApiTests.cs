using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>The Task Runner's events: accepted once with a request in the inbox, a repeat answered 200 and changing nothing,
/// conflicts 409, and every refusal storing nothing.</summary>
[Trait("Category", "Integration")]
public sealed class PackEventsApiTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Path = "/notifications/pack-approvals";
    const string OtherSecret = "other-tenant-secret-0123";
    const string HoldsOnlySecret = "wrong-scope-secret-0123";
    AlertsApp app = null!;

    public Task InitializeAsync()
    {
        app = new AlertsApp(fixture, new Dictionary<string, string?>
        {
            // The demo's Manager sits in treasury, so the request's notices have someone to reach.
            ["PackApprovals:Department"] = "treasury",
            ["MachineClients:Keys:other:Secret"] = OtherSecret,
            ["MachineClients:Keys:other:Tenant"] = "acme",
            ["MachineClients:Keys:other:Scopes"] = PackApprovalsFeature.EventsScope,
            ["MachineClients:Keys:prices:Secret"] = HoldsOnlySecret,
            ["MachineClients:Keys:prices:Tenant"] = "demo",
            ["MachineClients:Keys:prices:Scopes"] = "MarketPrices:Ingest",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    DateTimeOffset Now => app.Clock.GetUtcNow();

    static string Run() => $"run-{Guid.NewGuid():N}"[..20];

    async Task<(int Approvals, int Requests, int Holds, int Outbox)> CountsAsync(string runId)
    {
        await using var db = fixture.CreateContext();
        var requests = (await db.ApprovalRequests.Where(r => r.Kind == ApprovalKind.PackApproval).ToListAsync())
            .Where(r => ((PackApprovalPayload)r.Payload).RunId == runId).Select(r => r.Id.ToString()).ToList();
        // Only the run's own notices: the demo's requests send theirs at their due times meanwhile.
        return (await db.PackApprovals.CountAsync(p => p.RunId == runId), requests.Count,
            await db.PackHolds.CountAsync(h => h.RunId == runId),
            await db.NotificationOutbox.CountAsync(o => requests.Contains(o.SubjectId)));
    }

    [Fact]
    public async Task A_requested_approval_opens_a_pack_request_in_the_inbox_and_keeps_its_token_encrypted()
    {
        var run = Run();
        using var response = await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Requested(run, Now)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = (await app.JsonAsync(response)).Deserialize<PackEventAnswer>(JsonSerializerOptions.Web)!;
        Assert.Equal((PackEventStatuses.Accepted, run, "deploy-prod", 1), (answer.Status, answer.RunId, answer.ApprovalId, answer.Revision));
        Assert.EndsWith($"/approvals/{answer.RequestId}", answer.Link);

        await using var db = fixture.CreateContext();
        var request = await db.ApprovalRequests.SingleAsync(r => r.Id == answer.RequestId);
        Assert.Equal((ApprovalKind.PackApproval, ApprovalStatus.Pending, "treasury", "demo"), (request.Kind, request.Status, request.Department, request.RequestedBy));
        Assert.Equal(SlaClock.BusinessHours, request.Policy.Clock);
        Assert.NotNull(request.Policy.EscalateFinalAfter);
        var payload = Assert.IsType<PackApprovalPayload>(request.Payload);
        Assert.Equal((run, "deploy-prod", PackEventsFor.Plan), (payload.RunId, payload.ApprovalId, payload.PlanHash));
        Assert.Contains("payments", request.Title);

        var stored = await db.PackApprovals.SingleAsync(p => p.RunId == run);
        Assert.Equal(request.Id, stored.RequestId);
        Assert.DoesNotContain(PackEventsFor.Token, stored.ProtectedResumeToken);
        Assert.Equal(PackEventsFor.Token, app.Host.Services.GetRequiredService<ResumeTokens>().Unprotect(stored.ProtectedResumeToken));

        var audit = await db.AuditEvents.Where(a => a.SubjectId == stored.Id.ToString()).ToListAsync();
        var requested = Assert.Single(audit);
        Assert.Equal(PackAuditActions.Requested, requested.Action);
        Assert.Equal($"corr-{run}", requested.Details!["correlationId"]!.GetValue<string>());
        Assert.Contains(await db.AuditEvents.Where(a => a.SubjectId == request.Id.ToString()).Select(a => a.Action).ToListAsync(),
            a => a == ApprovalAuditActions.Created);
        Assert.True(await db.NotificationOutbox.AnyAsync(o => o.SubjectId == request.Id.ToString()));
        Assert.DoesNotContain(PackEventsFor.Token, JsonSerializer.Serialize(audit));
    }

    [Fact]
    public async Task The_same_event_twice_leaves_the_same_state_and_sends_no_second_notification()
    {
        var run = Run();
        var body = PackEventsFor.Json(PackEventsFor.Requested(run, Now));
        using var first = await app.PostEventAsync(body);
        var before = await CountsAsync(run);

        using var again = await app.PostEventAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = await app.JsonAsync(again);
        Assert.Equal(PackEventStatuses.Duplicate, answer.GetProperty("status").GetString());
        Assert.Equal((await app.JsonAsync(first)).GetProperty("requestId").GetGuid(), answer.GetProperty("requestId").GetGuid());
        Assert.Equal(before, await CountsAsync(run));
        Assert.Equal((1, 1), (before.Approvals, before.Requests));
    }

    [Fact]
    public async Task A_request_with_other_content_for_the_same_approval_is_a_conflict_and_changes_nothing()
    {
        var run = Run();
        using var first = await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Requested(run, Now)));
        var before = await CountsAsync(run);

        using var other = await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Requested(run, Now) with { StepIds = ["s9"] }));

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("PackApprovalUpdated", (await SignedRequest.ProblemAsync(other)).GetProperty("detail").GetString());
        Assert.Equal(before, await CountsAsync(run));
    }

    [Fact]
    public async Task An_update_raises_the_revision_and_changes_the_request_and_stale_or_unknown_updates_are_refused()
    {
        var run = Run();
        var requested = PackEventsFor.Requested(run, Now);
        using var first = await app.PostEventAsync(PackEventsFor.Json(requested));
        var requestId = (await app.JsonAsync(first)).GetProperty("requestId").GetGuid();

        using var updated = await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Updated(requested, 2, ["s1", "s2", "s3"])));
        using var repeat = await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Updated(requested, 2, ["s1", "s2", "s3"])));
        using var stale = await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Updated(requested, 2, ["s1"])));
        using var unknown = await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Updated(requested with { ApprovalId = "nobody" }, 2, ["s1"])));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.NotFound),
            (updated.StatusCode, repeat.StatusCode, stale.StatusCode, unknown.StatusCode));
        Assert.Equal(2, (await app.JsonAsync(updated)).GetProperty("revision").GetInt32());
        await using var db = fixture.CreateContext();
        var stored = await db.PackApprovals.SingleAsync(p => p.RunId == run);
        Assert.Equal((2, 3), (stored.Revision, stored.StepIds.Count));
        Assert.Equal(PackEventsFor.Token, app.Host.Services.GetRequiredService<ResumeTokens>().Unprotect(stored.ProtectedResumeToken));
        var payload = (PackApprovalPayload)(await db.ApprovalRequests.SingleAsync(r => r.Id == requestId)).Payload;
        Assert.Equal(["s1", "s2", "s3"], payload.StepIds);
        Assert.Equal([PackAuditActions.Requested, PackAuditActions.Updated],
            await db.AuditEvents.Where(a => a.SubjectId == stored.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_policy_hold_is_stored_once()
    {
        var run = Run();
        var body = PackEventsFor.Json(PackEventsFor.Hold(run, Now));
        using var first = await app.PostEventAsync(body);
        using var again = await app.PostEventAsync(body);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        await using var db = fixture.CreateContext();
        var hold = await db.PackHolds.SingleAsync(h => h.RunId == run);
        Assert.Equal(("change-freeze", "2026-12-01/2026-12-08"), (hold.Gate, hold.Parameters["window"]));
    }

    [Fact]
    public async Task A_bad_field_is_named_in_a_400_and_nothing_is_stored()
    {
        var run = Run();
        var json = System.Text.Json.Nodes.JsonNode.Parse(PackEventsFor.Json(PackEventsFor.Requested(run, Now)))!;
        json["planHash"] = "not-a-hash";
        json["stepIds"] = new System.Text.Json.Nodes.JsonArray("ok", "not ok");
        var before = await CountsAsync(run);

        using var response = await app.PostEventAsync(json.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await SignedRequest.ProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("planHash", out _));
        Assert.True(errors.TryGetProperty("stepIds[1]", out _));
        Assert.Equal(before, await CountsAsync(run));
    }

    public static TheoryData<string> Refusals => ["tenant", "scope", "signature", "stale", "replay"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_event_stores_nothing(string refusal)
    {
        var run = Run();
        var body = PackEventsFor.Json(PackEventsFor.Requested(run, Now));
        var client = app.Host.CreateClient();
        HttpResponseMessage response;
        switch (refusal)
        {
            case "tenant":
                response = await app.PostEventAsync(body, "other", OtherSecret);
                break;
            case "scope":
                response = await app.PostEventAsync(body, "prices", HoldsOnlySecret);
                break;
            case "signature":
                response = await app.PostEventAsync(body, "demo", "not-the-demo-secret");
                break;
            case "stale":
                response = await client.SendAsync(SignedRequest.Create(HttpMethod.Post, Path, "demo", "demo-secret", Now.AddMinutes(-6), body));
                break;
            default:
                // One signed request sent twice: the first is accepted, the copy is refused as a replay and stores nothing more.
                var signed = SignedRequest.Create(HttpMethod.Post, Path + "?replay", "demo", "demo-secret", Now, body);
                using (var accepted = await client.SendAsync(signed))
                    Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
                await app.EventsAppliedAsync();
                var stored = await CountsAsync(run);
                response = await client.SendAsync(SignedRequest.Create(HttpMethod.Post, Path + "?replay", "demo", "demo-secret", Now, body));
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("replay", (await SignedRequest.ProblemAsync(response)).GetProperty("check").GetString());
                Assert.Equal(stored, await CountsAsync(run));
                return;
        }
        using (response)
        {
            Assert.Equal(refusal is "tenant" or "scope" ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized, response.StatusCode);
            var problem = await SignedRequest.ProblemAsync(response);
            Assert.NotNull(problem.GetProperty("title").GetString());
        }
        Assert.Equal((0, 0, 0), ((await CountsAsync(run)).Approvals, (await CountsAsync(run)).Requests, (await CountsAsync(run)).Holds));
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Approvals;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>
/// An event is answered once it is stored and applied a moment later: judged on arrival against every event accepted
/// before it, applied in order per approval, a decision sent early applying what waits first, and an event the console
/// cannot apply kept as a dead letter with its approval's later events waiting behind it. The app's own processing is
/// held (jobs off) so that each test applies at the moment it chooses.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PackEventProcessingTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Elsewhere = "pack-desk";
    AlertsApp app = null!;

    public Task InitializeAsync()
    {
        app = new AlertsApp(fixture, new Dictionary<string, string?>
        {
            ["PackApprovals:Department"] = "treasury",
            ["Jobs:Enabled"] = "false",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<(HttpStatusCode Status, PackEventAnswer? Answer)> SendAsync(PackEvent e)
    {
        using var response = await app.PostAsync(PackEventPosting.Path, PackEventsFor.Json(e));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK
            ? JsonSerializer.Deserialize<PackEventAnswer>(body, JsonSerializerOptions.Web) : null);
    }

    async Task<List<AcceptedPackEvent>> EventsOfAsync(string runId)
    {
        await using var db = fixture.CreateContext();
        return await db.AcceptedPackEvents.AsNoTracking().Where(e => e.RunId == runId).OrderBy(e => e.Seq).ToListAsync();
    }

    [Fact]
    public async Task An_event_is_answered_when_stored_judged_against_what_waits_and_applied_later_in_order()
    {
        var requested = PackEventsFor.Requested("run-waiting", app.Clock.GetUtcNow());

        var first = await SendAsync(requested);
        var again = await SendAsync(requested);
        var rival = await SendAsync(requested with { StepIds = ["other"] });
        var updated = await SendAsync(PackEventsFor.Updated(requested, 2, ["s1"]));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Accepted),
            (first.Status, again.Status, rival.Status, updated.Status));
        Assert.Equal(first.Answer!.RequestId, again.Answer!.RequestId);
        Assert.Equal((first.Answer.RequestId, 2), (updated.Answer!.RequestId, updated.Answer.Revision));
        var waiting = await EventsOfAsync("run-waiting");
        Assert.Equal([(1, (DateTimeOffset?)null), (2, null)], waiting.Select(e => (e.Revision, e.AppliedAt)));
        Assert.DoesNotContain(PackEventsFor.Token, string.Concat(waiting.Select(e => e.Body + e.ProtectedResumeToken)));
        await using (var db = fixture.CreateContext())
            Assert.False(await db.PackApprovals.AnyAsync(p => p.RunId == "run-waiting"));

        await app.EventsAppliedAsync();

        await using (var db = fixture.CreateContext())
        {
            var approval = await db.PackApprovals.SingleAsync(p => p.RunId == "run-waiting");
            Assert.Equal((2, first.Answer.RequestId), (approval.Revision, approval.RequestId));
            Assert.Equal(["s1"], approval.StepIds);
            Assert.True(await db.ApprovalRequests.AnyAsync(r => r.Id == approval.RequestId));
        }
        Assert.All(await EventsOfAsync("run-waiting"), e => Assert.Equal(AcceptedPackEventOutcomes.Applied, e.Outcome));
        // Applied once: a later run finds nothing to do.
        Assert.Equal(0, await app.Host.Services.GetRequiredService<PackEventProcessing>().RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_decision_sent_before_its_approval_was_applied_applies_it_first()
    {
        var requested = PackEventsFor.Requested("run-early-ack", app.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(requested)).Status);

        using var ack = await app.PostAsync(PackEventsFor.AckPath(requested), PackEventsFor.Json(PackEventsFor.Ack(requested, PackDecisions.Approve)));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await using var db = fixture.CreateContext();
        Assert.Equal(PackDecisions.Approve, (await db.PackApprovals.SingleAsync(p => p.RunId == "run-early-ack")).Decision);
    }

    [Fact]
    public async Task An_event_the_console_cannot_apply_is_a_dead_letter_its_approvals_later_events_and_decisions_wait_and_its_retry_applies_them()
    {
        await using var elsewhere = new AlertsApp(fixture, new Dictionary<string, string?>
        {
            ["PackApprovals:Department"] = Elsewhere,
            ["Jobs:Enabled"] = "false",
        });
        var requested = PackEventsFor.Requested("run-no-desk", elsewhere.Clock.GetUtcNow());
        using (var accepted = await elsewhere.PostAsync(PackEventPosting.Path, PackEventsFor.Json(requested)))
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await elsewhere.EventsAppliedAsync();

        await using var db = fixture.CreateContext();
        var seq = Assert.Single(await EventsOfAsync("run-no-desk")).Seq;
        var letter = await db.DeadLetters.AsNoTracking().SingleAsync(d => d.AggregateType == PackAuditActions.EventSubjectType && d.AggregateId == seq.ToString());
        Assert.Contains("PackApprovals:Department", letter.ReasonMessage);
        Assert.DoesNotContain(PackEventsFor.Token, letter.Payload.ToJsonString());

        // Judged against what was accepted, and waiting behind it.
        using (var update = await elsewhere.PostAsync(PackEventPosting.Path, PackEventsFor.Json(PackEventsFor.Updated(requested, 2, ["s9"]))))
            Assert.Equal(HttpStatusCode.Accepted, update.StatusCode);
        await elsewhere.EventsAppliedAsync();
        Assert.Equal([null, null], (await EventsOfAsync("run-no-desk")).Select(e => e.AppliedAt));
        // A decision is about what was accepted: while that cannot be applied, the client is told to send it again later.
        using (var early = await elsewhere.PostAsync(PackEventsFor.AckPath(requested), PackEventsFor.Json(PackEventsFor.Ack(requested, PackDecisions.Approve))))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, early.StatusCode);
            Assert.NotNull(early.Headers.RetryAfter);
        }

        await ApprovalUsers.EnsureDepartmentAsync(db, Elsewhere);
        var remediator = await elsewhere.Host.PrincipalAsync("remediator@demo.local");
        var retried = await elsewhere.Host.Services.GetRequiredService<DeadLetterRemediation>().RetryAsync(remediator, letter.Id);
        Assert.Equal(RemediationOutcome.Resolved, retried.Outcome);
        await elsewhere.EventsAppliedAsync();

        var approval = await db.PackApprovals.AsNoTracking().SingleAsync(p => p.RunId == "run-no-desk");
        Assert.Equal((2, Elsewhere), (approval.Revision, (await db.ApprovalRequests.SingleAsync(r => r.Id == approval.RequestId)).Department));
    }
}

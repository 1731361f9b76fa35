using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Outbox;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Notifications;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>
/// Decisions from the ack API and from the console's buttons: recorded once, idempotent by decision hash, 409 for another,
/// and handed back to a local receiver by a signed resume call through the outbox, which survives the receiver being
/// down (dead letter, then a retry that delivers). The resume token appears in no log line and no stored message.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PackAckTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Events = "/notifications/pack-approvals";
    const string Manager = "manager@demo.local";
    readonly int port = FreePort.Next();
    AlertsApp app = null!;

    public Task InitializeAsync()
    {
        app = new AlertsApp(fixture, new Dictionary<string, string?>
        {
            ["PackApprovals:Department"] = "treasury",
            ["Notifications:MaxAttempts"] = "2",
            ["Notifications:RetryBaseDelay"] = "00:00:05",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    string Callback => $"http://127.0.0.1:{port}/resume";

    NotificationDispatcher Dispatcher => app.Host.Services.GetRequiredService<NotificationDispatcher>();

    async Task<PackApprovalRequested> RequestAsync(string runId)
    {
        var requested = PackEventsFor.Requested(runId, app.Clock.GetUtcNow(), callback: Callback);
        using var response = await app.PostEventAsync(PackEventsFor.Json(requested));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return requested;
    }

    Task<HttpResponseMessage> AckAsync(PackApprovalRequested r, PackAckRequest ack) => app.PostAsync(PackEventsFor.AckPath(r), PackEventsFor.Json(ack));

    static PackAckRequest Ack(PackApprovalRequested r, string decision, string actor = Manager, string? comment = null) =>
        PackEventsFor.Ack(r, decision, actor, comment);

    /// <summary>Dispatches until the receiver has the call (the app's own dispatcher, woken by the commit, may be the one to send it).</summary>
    async Task DeliveredAsync(HookReceiver receiver)
    {
        await Dispatcher.DispatchDueAsync();
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, "the resume call reaches the receiver");
        for (var i = 0; i < 100; i++)
        {
            await using var db = fixture.CreateContext();
            if (!await db.NotificationOutbox.AnyAsync(o => o.Channel == OutboxChannel.Callback && o.Status == OutboxStatus.Pending))
                return;
            await Task.Delay(100);
        }
        Assert.Fail("The resume call was not marked delivered.");
    }

    static async Task<PackAckAnswer> AnswerAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<PackAckAnswer>(JsonSerializerOptions.Web))!;

    [Fact]
    public async Task An_approval_by_api_is_recorded_once_and_its_signed_resume_call_carries_the_token_to_the_receiver_only()
    {
        await using var receiver = HookReceiver.Start(port);
        var requested = await RequestAsync("run-ack-1");

        using var first = await AckAsync(requested, Ack(requested, PackDecisions.Approve, comment: "plan reviewed"));
        var answer = await AnswerAsync(first);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(("Approved", PackDecisions.Approve, Manager, "Queued"), (answer.Status, answer.Decision, answer.DecidedBy, answer.Resume.Status));

        await DeliveredAsync(receiver);
        var call = Assert.Single(receiver.Requests);
        var body = JsonSerializer.Deserialize<PackResumeCall>(call.Body, JsonSerializerOptions.Web)!;
        Assert.Equal((PackEventsFor.Token, PackDecisions.Approve, "plan reviewed", answer.DecisionHash),
            (body.ResumeToken, body.Decision, body.Comment, body.DecisionHash));
        Assert.Equal(MachineClientOptions.DemoKeyId, call.Headers[MachineSignature.KeyHeader]);
        Assert.Equal(MachineSignature.Compute(MachineClientOptions.DemoSecret, "POST", "/resume", call.Headers[MachineSignature.TimestampHeader],
            MachineSignature.BodyHash(System.Text.Encoding.UTF8.GetBytes(call.Body))), call.Headers[MachineSignature.SignatureHeader]);

        // The same decision again: the stored answer, now delivered, and no second call.
        using var again = await AckAsync(requested, Ack(requested, PackDecisions.Approve, comment: "retrying"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("Delivered", (await AnswerAsync(again)).Resume.Status);
        using var other = await AckAsync(requested, Ack(requested, PackDecisions.Reject, comment: "changed my mind"));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        await Dispatcher.DispatchDueAsync();
        Assert.Single(receiver.Requests);

        await using var db = fixture.CreateContext();
        var stored = await db.PackApprovals.SingleAsync(p => p.RunId == "run-ack-1");
        Assert.Equal(ApprovalStatus.Approved, (await db.ApprovalRequests.SingleAsync(r => r.Id == stored.RequestId)).Status);
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.SubjectId == stored.Id.ToString() && a.Action == PackAuditActions.Decided));
        Assert.False(await db.NotificationOutbox.AnyAsync(o => o.Text.Contains(PackEventsFor.Token) || o.Title.Contains(PackEventsFor.Token)));
        Assert.DoesNotContain(app.Host.Logs.GetSnapshot(), l => l.Message.Contains(PackEventsFor.Token) || (l.Exception?.ToString() ?? "").Contains(PackEventsFor.Token));
    }

    [Fact]
    public async Task The_console_buttons_hand_the_decision_back_the_same_way()
    {
        await using var receiver = HookReceiver.Start(port);
        var requested = await RequestAsync("run-ack-2");
        await using (var db = fixture.CreateContext())
        {
            var requestId = (await db.PackApprovals.SingleAsync(p => p.RunId == "run-ack-2")).RequestId;
            var manager = await app.Host.PrincipalAsync(Manager);
            Assert.IsType<OpsConsole.Platform.Transitions.TransitionOutcome.Applied>(
                await app.Host.Services.GetRequiredService<ApprovalService>().RejectAsync(requestId, manager, "wrong window"));
        }

        await DeliveredAsync(receiver);

        var body = JsonSerializer.Deserialize<PackResumeCall>(Assert.Single(receiver.Requests).Body, JsonSerializerOptions.Web)!;
        Assert.Equal((PackDecisions.Reject, Manager, "wrong window"), (body.Decision, body.DecidedBy, body.Comment));
        Assert.Equal(PackDecisionHash.Compute("demo", "run-ack-2", requested.ApprovalId, requested.PlanHash, PackDecisions.Reject), body.DecisionHash);
        // The API then answers with the decision the console made.
        using var ack = await AckAsync(requested, Ack(requested, PackDecisions.Reject, comment: "same"));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
    }

    [Theory]
    [InlineData("viewer@demo.local", HttpStatusCode.Forbidden)]
    [InlineData("nobody@demo.local", HttpStatusCode.Forbidden)]
    [InlineData("demo", HttpStatusCode.Forbidden)]
    public async Task A_person_who_may_not_decide_is_refused_and_nothing_is_recorded(string actor, HttpStatusCode expected)
    {
        var requested = await RequestAsync($"run-ack-{actor.Split('@')[0]}");

        using var response = await AckAsync(requested, Ack(requested, PackDecisions.Approve, actor));

        Assert.Equal(expected, response.StatusCode);
        await using var db = fixture.CreateContext();
        var stored = await db.PackApprovals.SingleAsync(p => p.RunId == requested.RunId);
        Assert.Null(stored.Decision);
        Assert.Equal(ApprovalStatus.Pending, (await db.ApprovalRequests.SingleAsync(r => r.Id == stored.RequestId)).Status);
    }

    [Fact]
    public async Task A_bad_decision_names_its_field_and_an_unknown_approval_is_404()
    {
        var requested = await RequestAsync("run-ack-bad");

        using var wrongHash = await AckAsync(requested, Ack(requested, PackDecisions.Approve) with { DecisionHash = new string('a', 64) });
        using var noComment = await AckAsync(requested, Ack(requested, PackDecisions.Reject));
        using var unknown = await AckAsync(requested with { RunId = "run-nobody" }, Ack(requested, PackDecisions.Approve));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            (wrongHash.StatusCode, noComment.StatusCode, unknown.StatusCode));
        Assert.True((await SignedRequest.ProblemAsync(wrongHash)).GetProperty("errors").TryGetProperty("decisionHash", out _));
        Assert.True((await SignedRequest.ProblemAsync(noComment)).GetProperty("errors").TryGetProperty("comment", out _));
    }

    [Fact]
    public async Task A_receiver_that_is_down_gets_a_dead_letter_whose_retry_delivers()
    {
        var requested = await RequestAsync("run-ack-down");
        using (var ack = await AckAsync(requested, Ack(requested, PackDecisions.Approve)))
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);

        // Nobody listens on the port: two attempts (the app's own dispatcher, woken by the commit, may make the first),
        // then the row fails with one dead letter.
        await using var db = fixture.CreateContext();
        var stored = await db.PackApprovals.SingleAsync(p => p.RunId == "run-ack-down");
        var rowId = PackDecisionEffects.ResumeCall(stored).Id;
        for (var round = 0; round < 20 && (await db.NotificationOutbox.AsNoTracking().SingleAsync(o => o.Id == rowId)).Status != OutboxStatus.Failed; round++)
        {
            await Dispatcher.DispatchDueAsync();
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var row = await db.NotificationOutbox.AsNoTracking().SingleAsync(o => o.Id == rowId);
        Assert.Equal((OutboxStatus.Failed, 2), (row.Status, row.Attempts));
        var letter = await db.DeadLetters.SingleAsync(d => d.AggregateId == rowId.ToString());
        Assert.Equal(NotificationDispatcher.OperationFor(OutboxChannel.Callback), letter.Operation);
        Assert.DoesNotContain(PackEventsFor.Token, letter.Payload.ToJsonString());
        using (var dead = await AckAsync(requested, Ack(requested, PackDecisions.Approve)))
            Assert.Equal("DeadLettered", (await AnswerAsync(dead)).Resume.Status);

        await using var receiver = HookReceiver.Start(port);
        var remediator = await app.Host.PrincipalAsync("remediator@demo.local");
        var retried = await app.Host.Services.GetRequiredService<DeadLetterRemediation>().RetryAsync(remediator, letter.Id);

        Assert.Equal(RemediationOutcome.Resolved, retried.Outcome);
        Assert.Equal(PackEventsFor.Token, JsonSerializer.Deserialize<PackResumeCall>(Assert.Single(receiver.Requests).Body, JsonSerializerOptions.Web)!.ResumeToken);
        using var after = await AckAsync(requested, Ack(requested, PackDecisions.Approve));
        Assert.Equal("Delivered", (await AnswerAsync(after)).Resume.Status);
    }
}

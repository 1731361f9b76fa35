using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Features.Alerts;
using OpsConsole.Tests.Integration.AuditPerChange;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Alerts;

/// <summary>Acknowledging and silencing stop an alert's notices and are audited; an acknowledged failure clears.</summary>
[Trait("Category", "Integration")]
public sealed class AlertResponsesTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    readonly AlertHarness h = new(fixture);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => h.DisposeAsync().AsTask();

    Task<List<string>> AuditAsync(string subjectType, string id) => AuditCounts.ActionsAsync(fixture.ConnectionString, subjectType, id);

    async Task<ActiveAlert> RaisedStaleAsync(string pair)
    {
        await h.PriceAsync(pair, h.Now);
        await h.EvaluateAfterAsync(6 * Minute);
        return (await h.ActiveAsync(AlertCodes.ReferencePriceStale, pair))!;
    }

    [Fact]
    public async Task An_acknowledged_critical_alert_stays_raised_and_gets_no_reminder_while_one_nobody_acknowledged_does()
    {
        await h.PriceAsync("SOL/EUR", h.Now);
        var seen = await RaisedStaleAsync("BCH/EUR");
        var unseen = await h.ActiveAsync(AlertCodes.ReferencePriceStale, "SOL/EUR");

        var done = await h.Responses.AcknowledgeAsync(AlertHarness.Operator, seen.EventId, "Feed provider paged");
        await h.EvaluateAfterAsync(TimeSpan.FromHours(2));

        Assert.True(done.Done, done.Message);
        var acknowledged = await h.ActiveAsync(AlertCodes.ReferencePriceStale, "BCH/EUR");
        Assert.Equal(("operator@ops.test", "Feed provider paged"), (acknowledged!.AcknowledgedBy, acknowledged.AcknowledgementNote));
        Assert.Equal(AlertHarness.Sent("alert.raised"), await h.NoticesAsync(seen.EventId));
        Assert.Equal([.. AlertHarness.Sent("alert.raised"), .. AlertHarness.Sent("alert.reminder.1")], await h.NoticesAsync(unseen!.EventId));
        Assert.Equal([AlertAuditActions.Raised, AlertAuditActions.Acknowledged], await AuditAsync(AlertAuditActions.SubjectType, seen.EventId.ToString()));
    }

    [Fact]
    public async Task A_silence_holds_a_raise_back_and_once_it_is_ended_the_alert_is_sent()
    {
        await h.PriceAsync("LINK/EUR", h.Now);
        var silenced = await h.Responses.SilenceAsync(AlertHarness.Operator, AlertCodes.ReferencePriceStale, "LINK/EUR", TimeSpan.FromHours(1),
            "Feed maintenance until 10:00");
        await h.EvaluateAfterAsync(6 * Minute);
        var alert = (await h.ActiveAsync(AlertCodes.ReferencePriceStale, "LINK/EUR"))!;
        Assert.Empty(await h.NoticesAsync(alert.EventId));

        var silence = await SilenceIdAsync("LINK/EUR");
        var ended = await h.Responses.EndSilenceAsync(AlertHarness.Operator, silence);
        await h.EvaluateAfterAsync(TimeSpan.FromSeconds(10));

        Assert.True(silenced.Done && ended.Done, silenced.Message + ended.Message);
        Assert.Equal(AlertHarness.Sent("alert.raised"), await h.NoticesAsync(alert.EventId));
        Assert.Equal([AlertAuditActions.Silenced, AlertAuditActions.SilenceEnded], await AuditAsync(AlertAuditActions.SilenceSubjectType, silence.ToString()));
        Assert.False((await h.Responses.EndSilenceAsync(AlertHarness.Operator, silence)).Done);
    }

    [Fact]
    public async Task Acknowledging_a_failed_submission_clears_it_and_a_failure_received_later_raises_it_again()
    {
        await h.TradeAsync("eth-1", "ETH/BTC", TradeStatus.Failed, h.Now, "Venue rejected the order");
        await h.EvaluateAfterAsync(TimeSpan.FromSeconds(10));
        var first = (await h.ActiveAsync(AlertCodes.ExecutorSubmissionFailed, "ETH/BTC"))!;
        h.Clock.Advance(Minute);

        var done = await h.Responses.AcknowledgeAsync(AlertHarness.Operator, first.EventId, null);
        await h.EvaluateAfterAsync(TimeSpan.FromSeconds(10));
        Assert.True(done.Done, done.Message);
        Assert.Null(await h.ActiveAsync(AlertCodes.ExecutorSubmissionFailed, "ETH/BTC"));

        await h.TradeAsync("eth-2", "ETH/BTC", TradeStatus.Failed, h.Now, "Venue rejected the order");
        await h.EvaluateAfterAsync(TimeSpan.FromSeconds(10));

        var events = await h.EventsAsync(AlertCodes.ExecutorSubmissionFailed, "ETH/BTC");
        Assert.Equal([AlertEventStatus.Raised, AlertEventStatus.Cleared, AlertEventStatus.Raised], events.Select(e => e.Status));
        Assert.Equal((AlertClearCause.Acknowledged, "Acknowledged by operator@ops.test."), (events[1].ClearCause!.Value, events[1].Reason));
        Assert.Equal("Trade eth-2 on ETH/BTC failed: Venue rejected the order", events[2].Reason);
    }

    [Fact]
    public async Task A_viewer_may_not_respond_and_bad_or_repeated_responses_are_refused_with_a_reason()
    {
        var alert = await RaisedStaleAsync("AVAX/EUR");

        var viewer = await h.Responses.AcknowledgeAsync(AlertHarness.Viewer, alert.EventId, null);
        var first = await h.Responses.AcknowledgeAsync(AlertHarness.Operator, alert.EventId, null);
        var again = await h.Responses.AcknowledgeAsync(AlertHarness.Operator, alert.EventId, null);
        var unknown = await h.Responses.SilenceAsync(AlertHarness.Operator, "price_wrong", null, TimeSpan.FromHours(1), "why");
        var noNote = await h.Responses.SilenceAsync(AlertHarness.Operator, AlertCodes.ReferencePriceStale, null, TimeSpan.FromHours(1), " ");
        var gone = await h.Responses.AcknowledgeAsync(AlertHarness.Operator, Guid.NewGuid(), null);

        Assert.Equal((false, true, false), (viewer.Done, first.Done, again.Done));
        Assert.Contains("Only Operators", viewer.Message);
        Assert.Equal("This alert was already acknowledged by operator@ops.test.", again.Message);
        Assert.Contains("'price_wrong' is not the code of a rule", unknown.Message);
        Assert.Equal("Say why: a note is required.", noNote.Message);
        Assert.Equal("This alert is not raised any more; it has cleared.", gone.Message);
        Assert.Equal([AlertAuditActions.Raised, AlertAuditActions.Acknowledged], await AuditAsync(AlertAuditActions.SubjectType, alert.EventId.ToString()));
    }

    [Fact]
    public async Task A_paused_evaluator_raises_nothing_until_an_admin_resumes_it()
    {
        await h.PriceAsync("NEAR/EUR", h.Now);

        var byOperator = await h.Control.PauseAsync(AlertHarness.Operator);
        var paused = await h.Control.PauseAsync(AlertHarness.Admin);
        var whilePaused = await h.EvaluateAfterAsync(6 * Minute);
        Assert.Null(await h.ActiveAsync(AlertCodes.ReferencePriceStale, "NEAR/EUR"));
        var resumed = await h.Control.ResumeAsync(AlertHarness.Admin);
        await h.EvaluateAfterAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((false, true, true, true), (byOperator.Done, paused.Done, whilePaused.Paused, resumed.Done));
        Assert.NotNull(await h.ActiveAsync(AlertCodes.ReferencePriceStale, "NEAR/EUR"));
        Assert.Equal([AlertAuditActions.EvaluatorPaused, AlertAuditActions.EvaluatorResumed],
            await AuditAsync(AlertAuditActions.EvaluatorSubjectType, AlertAuditActions.EvaluatorSubjectId));
    }

    async Task<Guid> SilenceIdAsync(string scopeKey)
    {
        await using var db = fixture.CreateContext();
        return db.AlertSilences.Single(s => s.ScopeKey == scopeKey).Id;
    }
}

using OpsConsole.Domain.Alerts;
using OpsConsole.Features.Alerts;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.AuditPerChange;

/// <summary>Each transition of an alert leaves exactly one audit event on it; an evaluation that changes nothing leaves none.</summary>
[Trait("Category", "Integration")]
public sealed class AlertChangesAuditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly AlertHarness h = new(fixture);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => h.DisposeAsync().AsTask();

    [Fact]
    public async Task Raising_reminding_and_clearing_leave_one_event_each_and_an_evaluation_without_change_none()
    {
        await h.PriceAsync("DOT/EUR", h.Now);
        await h.EvaluateAfterAsync(TimeSpan.FromMinutes(6));
        await h.EvaluateAfterAsync(TimeSpan.FromMinutes(1));
        await h.EvaluateAfterAsync(TimeSpan.FromHours(1));
        await h.PriceAsync("DOT/EUR", h.Now);
        await h.EvaluateAfterAsync(TimeSpan.FromSeconds(10));
        await h.EvaluateAfterAsync(TimeSpan.FromSeconds(10));

        var raised = (await h.EventsAsync(AlertCodes.ReferencePriceStale, "DOT/EUR"))[0];
        Assert.Equal([AlertAuditActions.Raised, AlertAuditActions.Reminded, AlertAuditActions.Cleared],
            await AuditCounts.ActionsAsync(fixture.ConnectionString, AlertAuditActions.SubjectType, raised.EventId.ToString()));
        Assert.Equal([.. AlertHarness.Sent("alert.raised"), .. AlertHarness.Sent("alert.reminder.1")], await h.NoticesAsync(raised.EventId));
    }

    [Fact]
    public async Task Acknowledging_silencing_ending_a_silence_and_pausing_leave_one_event_each_and_refused_ones_none()
    {
        await h.PriceAsync("ATOM/EUR", h.Now);
        await h.EvaluateAfterAsync(TimeSpan.FromMinutes(6));
        var alert = (await h.EventsAsync(AlertCodes.ReferencePriceStale, "ATOM/EUR"))[0];

        await h.Responses.AcknowledgeAsync(AlertHarness.Operator, alert.EventId, "seen");
        await h.Responses.AcknowledgeAsync(AlertHarness.Operator, alert.EventId, "seen twice");
        await h.Responses.SilenceAsync(AlertHarness.Operator, AlertCodes.ReferencePriceStale, "ATOM/EUR", TimeSpan.FromHours(1), "maintenance");
        await h.Responses.SilenceAsync(AlertHarness.Viewer, AlertCodes.ReferencePriceStale, "ATOM/EUR", TimeSpan.FromHours(1), "not mine to say");
        await using (var db = fixture.CreateContext())
        {
            var silence = db.AlertSilences.Single(s => s.ScopeKey == "ATOM/EUR").Id;
            await h.Responses.EndSilenceAsync(AlertHarness.Operator, silence);
            await h.Responses.EndSilenceAsync(AlertHarness.Operator, silence);
            Assert.Equal([AlertAuditActions.Silenced, AlertAuditActions.SilenceEnded],
                await AuditCounts.ActionsAsync(fixture.ConnectionString, AlertAuditActions.SilenceSubjectType, silence.ToString()));
        }
        await h.Control.PauseAsync(AlertHarness.Admin);
        await h.Control.PauseAsync(AlertHarness.Admin);
        await h.Control.ResumeAsync(AlertHarness.Admin);

        Assert.Equal([AlertAuditActions.Raised, AlertAuditActions.Acknowledged],
            await AuditCounts.ActionsAsync(fixture.ConnectionString, AlertAuditActions.SubjectType, alert.EventId.ToString()));
        Assert.Equal([AlertAuditActions.EvaluatorPaused, AlertAuditActions.EvaluatorResumed],
            await AuditCounts.ActionsAsync(fixture.ConnectionString, AlertAuditActions.EvaluatorSubjectType, AlertAuditActions.EvaluatorSubjectId));
    }
}

using OpsConsole.Domain.Alerts;
using OpsConsole.Features.Alerts;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.AuditPerChange;

/// <summary>Each transition of an alert leaves exactly one audit event on it; an evaluation that changes nothing leaves none.</summary>
[Trait("Category", "Integration")]
public sealed class AlertChangesAuditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncDisposable
{
    readonly AlertHarness h = new(fixture);

    public ValueTask DisposeAsync() => h.DisposeAsync();

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
}

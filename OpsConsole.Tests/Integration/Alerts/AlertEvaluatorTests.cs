using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Approvals;
using OpsConsole.Tests.Integration.DeadLetters;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Alerts;

/// <summary>The evaluator reads each rule's facts from the database and writes ops_alerts only on transitions.</summary>
[Trait("Category", "Integration")]
public sealed class AlertEvaluatorTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    readonly AlertHarness h = new(fixture);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => h.DisposeAsync().AsTask();

    [Fact]
    public async Task A_stale_price_raises_once_is_sent_once_and_clears_once_a_fresh_price_arrives()
    {
        await h.PriceAsync("XRP/EUR", h.Now);
        Task<List<AlertEvent>> Events() => h.EventsAsync(AlertCodes.ReferencePriceStale, "XRP/EUR");

        await h.EvaluateAfterAsync(4 * Minute);
        Assert.Empty(await Events());
        await h.EvaluateAfterAsync(2 * Minute);
        Assert.Single(await Events());
        await h.EvaluateAfterAsync(Minute);
        Assert.Single(await Events());
        await h.PriceAsync("XRP/EUR", h.Now);
        await h.EvaluateAfterAsync(TimeSpan.FromSeconds(10));
        await h.EvaluateAfterAsync(Minute);

        var events = await Events();
        Assert.Equal([AlertEventStatus.Raised, AlertEventStatus.Cleared], events.Select(e => e.Status));
        var (raised, cleared) = (events[0], events[1]);
        Assert.Equal((AlertSeverity.Critical, "market", "XRP/EUR"), (raised.Severity, raised.ServiceScope, raised.Pair));
        Assert.Equal(raised.EventId, cleared.RaisedEventId);
        Assert.Equal((AlertClearCause.Recovered, raised.RaisedAt), (cleared.ClearCause, cleared.RaisedAt));
        Assert.Equal("A fresh reference price for XRP/EUR arrived.", cleared.Reason);
        Assert.Equal(TimeSpan.FromMinutes(5), raised.Why.Window);
        Assert.Contains(raised.Why.Facts, f => f.Name == "age" && f.Span == TimeSpan.FromMinutes(6));
        Assert.Null(await h.ActiveAsync(AlertCodes.ReferencePriceStale, "XRP/EUR"));
        Assert.Equal(AlertHarness.Sent("alert.raised"), await h.NoticesAsync(raised.EventId));
    }

    [Fact]
    public async Task A_failed_trade_raises_executor_submission_failed_and_a_later_fill_on_the_pair_clears_it()
    {
        await h.TradeAsync("ada-1", "ADA/EUR", TradeStatus.Submitted, h.Now - Minute);
        await h.TradeAsync("ada-1", "ADA/EUR", TradeStatus.Failed, h.Now, "Rejected: insufficient balance");

        await h.EvaluateAfterAsync(TimeSpan.FromSeconds(10));
        var active = await h.ActiveAsync(AlertCodes.ExecutorSubmissionFailed, "ADA/EUR");
        Assert.Equal("Trade ada-1 on ADA/EUR failed: Rejected: insufficient balance", active!.Reason);
        Assert.Equal(["ada-1"], active.CorrelationIds);

        await h.TradeAsync("ada-2", "ADA/EUR", TradeStatus.Filled, h.Now + Minute);
        await h.EvaluateAfterAsync(2 * Minute);

        Assert.Equal([AlertEventStatus.Raised, AlertEventStatus.Cleared],
            (await h.EventsAsync(AlertCodes.ExecutorSubmissionFailed, "ADA/EUR")).Select(e => e.Status));
    }

    [Fact]
    public async Task Every_rule_reads_its_facts_from_the_tables_that_hold_them_and_records_when_it_ran()
    {
        var at = h.Now;
        await h.Store.StoreAsync([new InventorySnapshot("cold-9", "BTC", 2m, 0m, at)], "bridge", CancellationToken.None);
        await h.Store.StoreAsync([new LiquidityAction("move-9", "transfer", "EURe", 10m, LiquidityActionStatus.Submitted, at)], "bridge",
            CancellationToken.None);
        var expired = Guid.NewGuid();
        await using (var db = fixture.CreateContext())
        {
            db.ApprovalRequests.Add(new ApprovalRequest
            {
                Id = expired,
                Title = "Mint 40 EURE",
                Department = "treasury",
                RequestedBy = "desk",
                Status = ApprovalStatus.Expired,
                Payload = new MintPayload("EURE", ApprovalHarnessIssuer, ApprovalHarnessIssuer, 40m, null),
                CreatedAt = at - TimeSpan.FromDays(1),
                LastActivityAt = at - TimeSpan.FromDays(1),
                ExpiredAt = at + 30 * Minute,
            });
            await db.SaveChangesAsync();
        }
        await DeadLetterSeed.InsertAsync(fixture.ConnectionString, 2, at, source: DeadLetterSources.Dispatcher, prefix: "alerts-dl");

        var result = await h.EvaluateAfterAsync(TimeSpan.FromMinutes(45));

        Assert.Empty(result.FailedRules);
        Assert.NotNull(await h.ActiveAsync(AlertCodes.InventorySnapshotStale, "cold-9|BTC"));
        Assert.NotNull(await h.ActiveAsync(AlertCodes.LiquidityActionStuck, "move-9"));
        Assert.NotNull(await h.ActiveAsync(AlertCodes.ApprovalsExpired, expired.ToString()));
        var letters = await h.ActiveAsync(AlertCodes.DeadLettersUnresolved, DeadLetterSources.Dispatcher);
        Assert.StartsWith("2 dead letters from dispatcher wait for someone; the oldest (test.submit)", letters!.Reason);
        await using var read = fixture.CreateContext();
        var runs = await read.AlertRuleRuns.AsNoTracking().ToListAsync();
        Assert.Equal(6, runs.Count);
        Assert.All(runs, r => Assert.Equal(h.Now, r.LastEvaluatedAt));
    }

    const string ApprovalHarnessIssuer = "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7";
}

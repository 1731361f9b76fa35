using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Domain.Alerts.Rules;

namespace OpsConsole.Tests.Domain.Alerts;

/// <summary>Each rule raises once while its condition lasts and clears once when it stops, on a clock the test moves.</summary>
[Trait("Category", "Domain")]
public class AlertRulesTests
{
    static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_stale_reference_price_raises_once_and_clears_once_a_fresh_one_arrives()
    {
        var run = new RuleRun<IReadOnlyList<PriceFact>>(new ReferencePriceStale(5 * Minute));
        IReadOnlyList<PriceFact> Price(DateTimeOffset at) => [new PriceFact("BTC/EUR", "kraken", 61000m, at, at)];
        var observed = run.Now;

        Assert.True(run.Evaluate(Price(observed), 4 * Minute).IsEmpty);
        var raised = Assert.Single(run.Evaluate(Price(observed), 2 * Minute).Raise);
        Assert.True(run.Evaluate(Price(observed), 3 * Minute).IsEmpty);
        var cleared = Assert.Single(run.Evaluate(Price(run.Now), Minute).Clear);
        Assert.True(run.Evaluate(Price(run.Now - Minute), Minute).IsEmpty);

        Assert.Equal((AlertCodes.ReferencePriceStale, AlertSeverity.Critical, "BTC/EUR", "BTC/EUR"),
            (raised.Code, raised.Severity, raised.Scope.Key, raised.Scope.Pair));
        Assert.Equal("The newest BTC/EUR price is 6 m old; prices go stale after 5 m.", raised.Reason);
        Assert.Equal(5 * Minute, raised.Why.Window);
        Assert.Contains(raised.Why.Facts, f => f.Name == "newest observed at" && f.At == observed);
        Assert.Equal("A fresh reference price for BTC/EUR arrived.", cleared.Reason);
        Assert.Single(run.Raised);
        Assert.Single(run.Cleared);
    }

    [Fact]
    public void A_stale_inventory_snapshot_raises_per_account_and_asset_and_clears_on_a_fresh_one()
    {
        var run = new RuleRun<IReadOnlyList<InventoryFact>>(new InventorySnapshotStale(15 * Minute));
        var start = run.Now;
        IReadOnlyList<InventoryFact> Snapshots(DateTimeOffset btc, DateTimeOffset eure) =>
            [new InventoryFact("hot-1", "BTC", 1.5m, 0m, btc, btc), new InventoryFact("hot-1", "EURe", 100m, 5m, eure, eure)];

        var raised = Assert.Single(run.Evaluate(Snapshots(start, start + 10 * Minute), 16 * Minute).Raise);
        Assert.True(run.Evaluate(Snapshots(start, start + 10 * Minute), Minute).IsEmpty);
        Assert.Equal("hot-1|BTC", Assert.Single(run.Evaluate(Snapshots(run.Now, start + 10 * Minute), Minute).Clear).Alert.ScopeKey);

        Assert.Equal(("hot-1|BTC", "BTC", "inventory"), (raised.Scope.Key, raised.Scope.AssetId, raised.Scope.Service));
        Assert.Single(run.Raised);
        Assert.Single(run.Cleared);
        Assert.Empty(run.Active);
    }

    [Fact]
    public void A_failed_trade_raises_and_a_later_fill_on_the_pair_clears_it_but_an_earlier_one_does_not()
    {
        var run = new RuleRun<IReadOnlyList<ExecutorPairFact>>(new ExecutorSubmissionFailed());
        var failedAt = run.Now;
        var failure = new TradeEvent("t-9", failedAt, failedAt, "Insufficient balance; api_key=abc123");
        IReadOnlyList<ExecutorPairFact> Pair(TradeEvent? fill) => [new ExecutorPairFact("BTC/EUR", failure, fill, null)];

        var raised = Assert.Single(run.Evaluate(Pair(new TradeEvent("t-8", failedAt - Minute, failedAt)), Minute).Raise);
        Assert.True(run.Evaluate(Pair(new TradeEvent("t-8", failedAt - Minute, failedAt)), Minute).IsEmpty);
        Assert.Single(run.Evaluate(Pair(new TradeEvent("t-10", failedAt + Minute, run.Now)), Minute).Clear);
        Assert.True(run.Evaluate(Pair(new TradeEvent("t-10", failedAt + Minute, run.Now)), Minute).IsEmpty);

        Assert.Equal((AlertSeverity.Critical, "BTC/EUR"), (raised.Severity, raised.Scope.Pair));
        Assert.Equal("Trade t-9 on BTC/EUR failed: Insufficient balance; api_key=[redacted]", raised.Reason);
        Assert.Equal(["t-9"], raised.CorrelationIds);
        Assert.Null(raised.Why.Window);
        Assert.Single(run.Raised);
        Assert.Single(run.Cleared);
    }

    [Fact]
    public void An_acknowledged_failure_stays_quiet_and_a_failure_that_arrives_after_the_acknowledgement_raises_again()
    {
        var rule = new ExecutorSubmissionFailed();
        var now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var failure = new TradeEvent("t-1", now - Minute, now - Minute);
        var later = new TradeEvent("t-2", now + Minute, now + Minute);

        Assert.Empty(rule.Evaluate([new ExecutorPairFact("BTC/EUR", failure, null, now)], now));
        Assert.Single(rule.Evaluate([new ExecutorPairFact("BTC/EUR", later, null, now)], now + Minute));
        Assert.True(rule.ClearedByAcknowledgement);
    }

    [Fact]
    public void A_liquidity_action_not_final_after_the_window_raises_and_clears_when_it_settles()
    {
        var run = new RuleRun<IReadOnlyList<LiquidityActionFact>>(new LiquidityActionStuck(30 * Minute));
        var began = run.Now;
        IReadOnlyList<LiquidityActionFact> Action(LiquidityActionStatus status) =>
            [new LiquidityActionFact("move-7", "transfer", "EURe", 250m, status, began, began + 5 * Minute)];

        Assert.True(run.Evaluate(Action(LiquidityActionStatus.Pending), 29 * Minute).IsEmpty);
        var raised = Assert.Single(run.Evaluate(Action(LiquidityActionStatus.Pending), 2 * Minute).Raise);
        Assert.True(run.Evaluate(Action(LiquidityActionStatus.Submitted), 10 * Minute).IsEmpty);
        Assert.Single(run.Evaluate(Action(LiquidityActionStatus.Settled), Minute).Clear);

        Assert.Equal("The transfer of 250 EURe (move-7) is still pending 31 m after it began; actions count as stuck after 30 m.", raised.Reason);
        Assert.Equal(("move-7", "EURe"), (raised.Scope.Key, raised.Scope.AssetId));
        Assert.Single(run.Raised);
        Assert.Single(run.Cleared);
    }

    [Fact]
    public void An_expired_approval_raises_while_its_expiry_is_within_the_window_and_clears_after()
    {
        var run = new RuleRun<IReadOnlyList<ExpiredApprovalFact>>(new ApprovalsExpired(TimeSpan.FromDays(1)));
        var id = Guid.NewGuid();
        IReadOnlyList<ExpiredApprovalFact> Expired() => [new ExpiredApprovalFact(id, "Mint 6,300 EURE", "treasury", run.Now)];
        var facts = Expired();

        var raised = Assert.Single(run.Evaluate(facts, 2 * Minute).Raise);
        Assert.True(run.Evaluate(facts, TimeSpan.FromHours(23)).IsEmpty);
        Assert.Single(run.Evaluate(facts, TimeSpan.FromHours(1)).Clear);
        Assert.True(run.Evaluate(facts, TimeSpan.FromHours(1)).IsEmpty);

        Assert.Equal(id.ToString(), raised.Scope.Key);
        Assert.Equal("“Mint 6,300 EURE” (treasury) expired 2 m ago without a decision.", raised.Reason);
        Assert.Single(run.Raised);
        Assert.Single(run.Cleared);
    }

    [Fact]
    public void Unresolved_dead_letters_raise_per_source_after_the_window_and_clear_when_none_waits()
    {
        var run = new RuleRun<IReadOnlyList<DeadLetterSourceFact>>(new DeadLettersUnresolved(Minute));
        var failed = run.Now;
        IReadOnlyList<DeadLetterSourceFact> Waiting(int count) => [new DeadLetterSourceFact("dispatcher", count, failed, "notification.deliver.webhook")];

        Assert.True(run.Evaluate(Waiting(2), TimeSpan.FromSeconds(30)).IsEmpty);
        var raised = Assert.Single(run.Evaluate(Waiting(2), Minute).Raise);
        Assert.True(run.Evaluate(Waiting(3), Minute).IsEmpty);
        Assert.Single(run.Evaluate([], Minute).Clear);

        Assert.Equal("2 dead letters from dispatcher wait for someone; the oldest (notification.deliver.webhook) failed 1 m ago.", raised.Reason);
        Assert.Single(run.Raised);
        Assert.Single(run.Cleared);
    }

    [Fact]
    public void A_rule_that_was_not_evaluated_clears_none_of_its_alerts()
    {
        var stale = new ReferencePriceStale(Minute);
        var now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var condition = stale.Evaluate([new PriceFact("BTC/EUR", "s", 1m, now - 2 * Minute, now)], now).Single();
        var active = ActiveAlert.Raise(condition, Guid.NewGuid(), now);

        Assert.True(AlertEvaluation.Decide([active], [new InventorySnapshotStale(Minute)], []).IsEmpty);
        Assert.Single(AlertEvaluation.Decide([active], [stale], []).Clear);
    }
}

using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Rules;
using static OpsConsole.Domain.Funding.FundingObservationStatus;

namespace OpsConsole.Tests.Domain.Alerts;

/// <summary>The funding rules on a clock the test moves: each raises once its condition outlasts its window, not before, and
/// clears once when it stops; a transfer raises at most one of the three transfer rules at a time.</summary>
[Trait("Category", "Domain")]
public class FundingRulesTests
{
    static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    static readonly Guid Handle = Guid.Parse("0b7c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e");
    const string Tx = "3f2a9c4e5b6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b";
    static readonly string Key = $"{Tx}|{Handle}";

    static FundingTransferFact Transfer(string status, DateTimeOffset since, int confirmations = 0, bool active = true) =>
        new(Handle, "Treasury BTC intake", active, "treasury-btc", "BTC", Tx, status, 0.125m, confirmations, since, since);

    [Fact]
    public void A_transfer_in_the_mempool_past_the_window_raises_unconfirmed_and_its_first_confirmation_clears_it()
    {
        var run = new RuleRun<IReadOnlyList<FundingTransferFact>>(new FundingSeenUnconfirmed(Hour));
        var seen = run.Now;

        Assert.True(run.Evaluate([Transfer(SeenInMempool, seen)], 59 * Minute).IsEmpty);
        var raised = Assert.Single(run.Evaluate([Transfer(SeenInMempool, seen)], 2 * Minute).Raise);
        Assert.True(run.Evaluate([Transfer(SeenInMempool, seen)], Hour).IsEmpty);
        var cleared = Assert.Single(run.Evaluate([Transfer(Confirming, run.Now, 1)], Minute).Clear);

        Assert.Equal((AlertCodes.FundingSeenUnconfirmed, AlertSeverity.Warning, Key, Tx, "BTC", "funding"),
            (raised.Code, raised.Severity, raised.Scope.Key, raised.Scope.TxHash, raised.Scope.AssetId, raised.Scope.Service));
        Assert.Equal($"0.125 BTC to Treasury BTC intake ({Tx}) has waited 1 h 1 m in the mempool without a confirmation; "
            + "transfers count as unconfirmed after 1 h.", raised.Reason);
        Assert.Equal([Tx, Handle.ToString()], raised.CorrelationIds);
        Assert.Contains(raised.Why.Facts, f => f.Name == "in this status since" && f.At == seen);
        Assert.StartsWith($"Transfer {Tx} to handle {Handle} got a confirmation", cleared.Reason);
        Assert.Single(run.Raised);
    }

    [Fact]
    public void A_deactivated_handles_transfer_in_the_mempool_is_no_longer_watched()
    {
        var rule = new FundingSeenUnconfirmed(Hour);
        var now = DateTimeOffset.UnixEpoch.AddDays(1);

        Assert.Empty(rule.Evaluate([Transfer(SeenInMempool, now - 2 * Hour, active: false)], now));
        Assert.Single(rule.Evaluate([Transfer(Confirming, now - 2 * Hour, 0)], now));
    }

    [Fact]
    public void A_confirmed_transfer_left_uncredited_past_the_window_raises_critical_and_the_bridges_deposit_clears_it()
    {
        var run = new RuleRun<IReadOnlyList<FundingTransferFact>>(new FundingConfirmedCreditPending(2 * Hour));
        var confirmed = run.Now;

        Assert.True(run.Evaluate([Transfer(Confirmed, confirmed, 6)], 119 * Minute).IsEmpty);
        var raised = Assert.Single(run.Evaluate([Transfer(Confirmed, confirmed, 6)], 2 * Minute).Raise);
        // The bridge's deposit counts at once, before the observer records the credit.
        Assert.Single(run.Evaluate([Transfer(Confirmed, confirmed, 7) with { BridgeCreditedAt = run.Now }], Minute).Clear);
        Assert.True(run.Evaluate([Transfer(Credited, run.Now, 8)], Hour).IsEmpty);

        Assert.Equal((AlertSeverity.Critical, Tx), (raised.Severity, raised.Scope.TxHash));
        Assert.Contains("was confirmed 2 h 1 m ago and the bridge has not credited it; credits are due within 2 h.", raised.Reason);
        Assert.Single(run.Raised);
    }

    [Fact]
    public void A_dropped_transfer_is_stuck_at_once_until_someone_acknowledges_it()
    {
        var run = new RuleRun<IReadOnlyList<FundingTransferFact>>(new FundingStuck(6 * Hour));
        var dropped = run.Now;

        var raised = Assert.Single(run.Evaluate([Transfer(Dropped, dropped)], Minute).Raise);
        Assert.True(run.Evaluate([Transfer(Dropped, dropped)], Hour).IsEmpty);
        Assert.Single(run.Evaluate([Transfer(Dropped, dropped) with { AcknowledgedAt = run.Now }], Minute).Clear);
        Assert.True(run.Evaluate([Transfer(Dropped, dropped) with { AcknowledgedAt = run.Now - Minute }], 7 * Hour).IsEmpty);

        Assert.Equal($"0.125 BTC to Treasury BTC intake ({Tx}) left the chain unconfirmed 1 m ago and was never credited.", raised.Reason);
        Assert.True(new FundingStuck(6 * Hour).ClearedByAcknowledgement);
    }

    [Fact]
    public void A_confirming_transfer_without_a_new_block_for_the_window_is_stuck_and_the_next_block_clears_it()
    {
        var run = new RuleRun<IReadOnlyList<FundingTransferFact>>(new FundingStuck(6 * Hour));
        var counted = run.Now;

        Assert.True(run.Evaluate([Transfer(Confirming, counted, 2)], 359 * Minute).IsEmpty);
        var raised = Assert.Single(run.Evaluate([Transfer(Confirming, counted, 2)], 2 * Minute).Raise);
        Assert.Single(run.Evaluate([Transfer(Confirming, run.Now, 3)], Minute).Clear);

        Assert.Contains("has stayed at 2 confirmations for 6 h 1 m; a confirming transfer counts as stuck after 6 h without a new block.", raised.Reason);
    }

    [Fact]
    public void Waiting_in_the_mempool_or_for_the_bridge_is_never_stuck_since_those_have_rules_of_their_own()
    {
        var rule = new FundingStuck(6 * Hour);
        var now = DateTimeOffset.UnixEpoch.AddDays(2);

        Assert.Empty(rule.Evaluate([Transfer(SeenInMempool, now - 24 * Hour), Transfer(Confirmed, now - 24 * Hour, 6)], now));
        Assert.Empty(rule.Evaluate([Transfer(Dropped, now - Hour) with { BridgeCreditedAt = now }], now));
    }

    static FundingHandleFact Handled(DateTimeOffset changed, DateTimeOffset? polled, DateTimeOffset? failed = null, bool paused = false) =>
        new(Handle, "Treasury BTC intake", "BTC", "treasury-btc", changed, polled, failed, failed is null ? null : "Esplora answered 503", paused);

    [Fact]
    public void A_handle_without_a_good_poll_past_the_window_raises_observer_down_and_the_next_good_poll_clears_it()
    {
        var run = new RuleRun<IReadOnlyList<FundingHandleFact>>(new FundingObserverDown(2 * Minute));
        var (created, polled) = (run.Now - Hour, run.Now);

        Assert.True(run.Evaluate([Handled(created, polled, run.Now + Minute)], 2 * Minute).IsEmpty);
        var raised = Assert.Single(run.Evaluate([Handled(created, polled, run.Now)], TimeSpan.FromSeconds(1)).Raise);
        Assert.Single(run.Evaluate([Handled(created, run.Now, polled + Minute)], Minute).Clear);

        Assert.Equal((AlertCodes.FundingObserverDown, AlertSeverity.Critical, Handle.ToString(), "BTC"),
            (raised.Code, raised.Severity, raised.Scope.Key, raised.Scope.AssetId));
        Assert.Equal("The observer last read Treasury BTC intake (BTC) 2 m ago; its reads fail, the last just now: Esplora answered 503", raised.Reason);
    }

    [Fact]
    public void A_paused_observer_is_not_down_and_a_handle_never_polled_counts_from_when_it_became_active()
    {
        var run = new RuleRun<IReadOnlyList<FundingHandleFact>>(new FundingObserverDown(2 * Minute));
        // Polled before it was deactivated; reactivated now.
        var (reactivated, polledBefore) = (run.Now, run.Now - 3 * Hour);

        Assert.True(run.Evaluate([Handled(reactivated, polledBefore)], Minute).IsEmpty);
        var raised = Assert.Single(run.Evaluate([Handled(reactivated, polledBefore)], 2 * Minute).Raise);
        Assert.Single(run.Evaluate([Handled(reactivated, polledBefore, paused: true)], Minute).Clear);
        Assert.True(run.Evaluate([Handled(reactivated, polledBefore, paused: true)], Hour).IsEmpty);

        Assert.StartsWith("The observer has not read Treasury BTC intake (BTC) since it became active 3 m ago; no read of it failed since", raised.Reason);
    }

    [Fact]
    public void The_observer_counts_as_down_after_three_poll_intervals_and_never_under_two_minutes()
    {
        Assert.Equal(2 * Minute, FundingObserverDown.WindowFor(TimeSpan.FromSeconds(30)));
        Assert.Equal(15 * Minute, FundingObserverDown.WindowFor(5 * Minute));
    }
}

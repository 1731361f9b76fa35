namespace OpsConsole.Domain.Alerts;

/// <summary>The codes of the console's own rules, the funding ones among them; a rule added later brings its code with it.</summary>
public static class AlertCodes
{
    public const string ReferencePriceStale = "reference_price_stale";
    public const string InventorySnapshotStale = "inventory_snapshot_stale";
    public const string ExecutorSubmissionFailed = "executor_submission_failed";
    public const string LiquidityActionStuck = "liquidity_action_stuck";
    public const string ApprovalsExpired = "approvals_expired";
    public const string DeadLettersUnresolved = "dead_letters_unresolved";
    public const string PackPolicyHold = "pack_policy_hold";
    public const string FundingSeenUnconfirmed = "funding_seen_unconfirmed";
    public const string FundingConfirmedCreditPending = "funding_confirmed_credit_pending";
    public const string FundingStuck = "funding_stuck";
    public const string FundingObserverDown = "funding_observer_down";
}

namespace OpsConsole.Domain.Alerts;

/// <summary>The codes of the console's own rules; a rule added later (funding) brings its code with it.</summary>
public static class AlertCodes
{
    public const string ReferencePriceStale = "reference_price_stale";
    public const string InventorySnapshotStale = "inventory_snapshot_stale";
    public const string ExecutorSubmissionFailed = "executor_submission_failed";
    public const string LiquidityActionStuck = "liquidity_action_stuck";
    public const string ApprovalsExpired = "approvals_expired";
    public const string DeadLettersUnresolved = "dead_letters_unresolved";
    public const string PackPolicyHold = "pack_policy_hold";
}

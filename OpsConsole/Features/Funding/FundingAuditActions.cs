namespace OpsConsole.Features.Funding;

/// <summary>The audit trail's names for what happens to funding handles, the transfers to them and their observer.</summary>
public static class FundingAuditActions
{
    public const string HandleSubjectType = "funding-handle";

    public const string HandleAdded = "funding.handle_added";
    public const string HandleChanged = "funding.handle_changed";
    public const string HandleDeactivated = "funding.handle_deactivated";
    public const string HandleReactivated = "funding.handle_reactivated";

    /// <summary>A transfer to a handle, by its tx hash.</summary>
    public const string TransferSubjectType = "funding-transfer";
    public const string Observed = "funding.observed";

    public const string ObserverSubjectType = "funding-observer";
    public const string ObserverSubjectId = "observer";
    public const string ObserverPaused = "funding.observer_paused";
    public const string ObserverResumed = "funding.observer_resumed";
    public const string ObserverRefreshed = "funding.observer_refreshed";
}

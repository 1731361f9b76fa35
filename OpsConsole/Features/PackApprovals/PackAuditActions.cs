namespace OpsConsole.Features.PackApprovals;

/// <summary>The audit trail's names for what happens to Task Runner approvals and holds.</summary>
public static class PackAuditActions
{
    public const string SubjectType = "pack-approval";
    public const string HoldSubjectType = "pack-hold";
    /// <summary>An accepted event waiting its turn; its dead letter names it by its sequence number.</summary>
    public const string EventSubjectType = "pack-event";
    public const string RouteSubjectType = "pack-routing-rule";

    public const string Requested = "pack.requested";
    public const string Updated = "pack.updated";
    public const string Held = "pack.held";
    public const string Superseded = "pack.update_superseded";
    public const string Decided = "pack.decided";
    public const string Purged = "pack.purged";
    public const string RouteAdded = "pack.route_added";
    public const string RouteChanged = "pack.route_changed";
    public const string RouteEnabled = "pack.route_enabled";
    public const string RouteDisabled = "pack.route_disabled";
    public const string RouteDeleted = "pack.route_deleted";
}

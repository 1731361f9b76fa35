namespace OpsConsole.Features.Funding;

/// <summary>The audit trail's names for what happens to funding handles.</summary>
public static class FundingAuditActions
{
    public const string HandleSubjectType = "funding-handle";

    public const string HandleAdded = "funding.handle_added";
    public const string HandleChanged = "funding.handle_changed";
    public const string HandleDeactivated = "funding.handle_deactivated";
    public const string HandleReactivated = "funding.handle_reactivated";
}

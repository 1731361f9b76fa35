namespace OpsConsole.Features.Audit;

/// <summary>The actions the audit feature records about its own use.</summary>
public static class AuditActions
{
    public const string Verified = "audit.verified";
    public const string Exported = "audit.exported";
}

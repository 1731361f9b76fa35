namespace OpsConsole.Features.Approvals;

/// <summary>Which requests the inbox lists before the filters narrow them.</summary>
public enum ApprovalInboxScope
{
    /// <summary>Pending requests the viewer may approve now: by tier and department, or assigned to them, never their own.</summary>
    AwaitingMe,
    /// <summary>Every request, whatever its status; anyone who may read approvals sees them all.</summary>
    All,
}

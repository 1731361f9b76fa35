namespace OpsConsole.Features.Approvals;

/// <summary>The columns the inbox sorts by; every order ends on the id, so pages never overlap.</summary>
public enum ApprovalInboxSort
{
    NextDue,
    Created,
    Title,
    Tier,
    Status,
}

namespace OpsConsole.Domain.Approvals;

/// <summary>A kind as people read it.</summary>
public static class ApprovalKindText
{
    public static string Of(ApprovalKind kind) => kind switch
    {
        ApprovalKind.PackApproval => "Pack approval",
        _ => kind.ToString(),
    };
}

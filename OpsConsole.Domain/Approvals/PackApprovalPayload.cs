namespace OpsConsole.Domain.Approvals;

/// <summary>A Task Runner pack approval: the run and approval it decides, the plan it approves and what it grants.</summary>
public sealed record PackApprovalPayload(
    string Tenant,
    string RunId,
    string ApprovalId,
    string PlanHash,
    IReadOnlyList<string> RequiredGrants,
    IReadOnlyList<string> StepIds,
    string Summary) : ApprovalPayload
{
    public override ApprovalKind Kind => ApprovalKind.PackApproval;
}

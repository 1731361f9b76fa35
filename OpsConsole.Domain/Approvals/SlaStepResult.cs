namespace OpsConsole.Domain.Approvals;

/// <summary>One SLA step applied to a request: what to audit (actor system:sla) and whom to notify.</summary>
public sealed record SlaStepResult(SlaStep Step, string AuditAction, ApprovalStatus From, ApprovalStatus To,
    int TierBefore, int TierAfter, IReadOnlyList<ApprovalNotice> Notices);

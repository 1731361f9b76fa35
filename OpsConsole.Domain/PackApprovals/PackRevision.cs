namespace OpsConsole.Domain.PackApprovals;

/// <summary>
/// The revision of an approval that stands, as the event rules weigh it: the latest accepted (applied or still waiting its
/// turn), or the stored approval itself.
/// </summary>
public sealed record PackRevision(string RunId, string ApprovalId, int Revision, string Fingerprint, bool Decided = false)
{
    public static PackRevision? Of(PackApproval? approval) => approval is null ? null
        : new(approval.RunId, approval.ApprovalId, approval.Revision, approval.Fingerprint, approval.Decision is not null);
}

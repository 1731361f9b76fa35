using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>What goes with a change of a request (its audit event, notices, live change and SLA wake time), for a
/// feature that moves requests through the Domain's rules, as Stellar marks mints Submitted, Confirmed or failed.</summary>
public interface IApprovalChangeEffects
{
    Task<TransitionEffects> DescribeAsync(OpsDbContext db, ApprovalRequest request, string actor, string auditAction,
        ApprovalStatus from, int tierBefore, string? reason, IReadOnlyList<ApprovalNotice> notices, CancellationToken ct);
}

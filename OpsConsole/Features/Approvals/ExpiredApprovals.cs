using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Approvals;

sealed class ExpiredApprovals : IExpiredApprovals
{
    public async Task<IReadOnlyList<ExpiredApproval>> ExpiredSinceAsync(OpsDbContext db, DateTimeOffset since, CancellationToken ct) =>
        await db.ApprovalRequests.AsNoTracking()
            .Where(r => r.Status == ApprovalStatus.Expired && r.ExpiredAt >= since)
            .OrderBy(r => r.ExpiredAt)
            .Select(r => new ExpiredApproval(r.Id, r.Title, r.Department, r.ExpiredAt!.Value))
            .ToListAsync(ct);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Approvals;

/// <summary>Reads one request for its page, with its links to resubmissions and the SLA step due next.</summary>
public sealed class ApprovalRequestQuery(IDbContextFactory<OpsDbContext> dbs, IOptions<SlaOptions> sla)
{
    public async Task<ApprovalRequestDetails?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.ApprovalRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } request)
            return null;
        var resubmittedAs = await db.ApprovalRequests.AsNoTracking().Where(r => r.ResubmissionOf == id)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(ct);
        // The same Domain function the timers use, so the page never promises a step the timers would not take.
        var next = SlaSchedule.Pending(request, request.Policy, sla.Value.Calendar);
        return next is [var (step, at), ..]
            ? new ApprovalRequestDetails(request, resubmittedAs, step, at)
            : new ApprovalRequestDetails(request, resubmittedAs, null, null);
    }
}

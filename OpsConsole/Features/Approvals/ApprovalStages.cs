using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Approvals;

/// <summary>Counts the requests by stage and by day in PostgreSQL, so the work does not grow with the rows a page shows.</summary>
sealed class ApprovalStages(IDbContextFactory<OpsDbContext> dbs, IOptions<SlaOptions> sla, TimeProvider time) : IApprovalStages
{
    public async Task<PendingApprovals> PendingAsync(int nextSteps, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var pending = db.ApprovalRequests.AsNoTracking().Where(r => r.Status == ApprovalStatus.Pending);
        // The same order of milestones as SlaStages.Of, written so PostgreSQL counts them.
        var counts = await pending
            .GroupBy(r => r.EscalatedFinalAt != null ? SlaStage.EscalatedFinal
                : r.EscalatedAt != null ? SlaStage.Escalated
                : r.RemindedAt != null ? SlaStage.Reminded
                : SlaStage.New)
            .Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var overdue = await pending.CountAsync(r => r.NextDueAt <= now, ct);
        var soonest = await pending.Where(r => r.NextDueAt != null).OrderBy(r => r.NextDueAt).ThenBy(r => r.Id)
            .Take(Math.Max(nextSteps, 0)).ToListAsync(ct);
        var byStage = Enum.GetValues<SlaStage>().ToDictionary(s => s, s => counts.Where(c => c.Stage == s).Sum(c => c.Count));
        var steps = soonest.Select(r => SlaSchedule.Pending(r, r.Policy, sla.Value.Calendar) is [var (step, due), ..]
                ? new NextSlaStep(r.Id, r.Title, r.Department, r.Tier, step, due)
                : null)
            .OfType<NextSlaStep>().ToList();
        return new PendingApprovals(byStage, overdue, steps);
    }

    public async Task<IReadOnlyList<ApprovalDay>> OutcomesPerDayAsync(int days, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = today.AddDays(1 - days);
        var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var decided = await db.ApprovalRequests.AsNoTracking()
            .Where(r => r.DecidedAt >= since && r.Status != ApprovalStatus.Cancelled)
            .Select(r => new { At = r.DecidedAt!.Value, Rejected = r.Status == ApprovalStatus.Rejected })
            .ToListAsync(ct);
        var expired = await db.ApprovalRequests.AsNoTracking().Where(r => r.ExpiredAt >= since)
            .Select(r => r.ExpiredAt!.Value).ToListAsync(ct);
        static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
        return
        [
            .. Enumerable.Range(0, days).Select(first.AddDays).Select(day => new ApprovalDay(day,
                decided.Count(d => !d.Rejected && Day(d.At) == day),
                decided.Count(d => d.Rejected && Day(d.At) == day),
                expired.Count(at => Day(at) == day))),
        ];
    }
}

using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.MetricsScrape;
using Prometheus;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// Task Runner approvals on /metrics, by tenant: opsconsole_pack_approvals_outstanding (waiting for a decision now),
/// opsconsole_pack_ack_latency_seconds (from an approval's arrival to its decision, fed with the decisions committed
/// since the last scrape), and the accepted events not applied yet (opsconsole_pack_events_waiting, and the age of the
/// first of them in opsconsole_pack_events_waiting_oldest_seconds), which grow while the applying yields to a burst.
/// Their notifications are the <c>pack</c> family of the notification counters.
/// </summary>
public sealed class PackMetrics(IDbContextFactory<OpsDbContext> contexts, PackAckLatencies latencies, TimeProvider time, ILogger<PackMetrics> log)
    : ReadOnScrape(log)
{
    static readonly Gauge Outstanding = Metrics.CreateGauge("opsconsole_pack_approvals_outstanding",
        "Task Runner approvals waiting for a decision, by tenant.", new GaugeConfiguration { LabelNames = ["tenant"] });

    static readonly Histogram AckLatency = Metrics.CreateHistogram("opsconsole_pack_ack_latency_seconds",
        "From a Task Runner approval's arrival to its decision, by tenant.",
        new HistogramConfiguration { LabelNames = ["tenant"], Buckets = [10, 30, 60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400] });

    static readonly Gauge Waiting = Metrics.CreateGauge("opsconsole_pack_events_waiting",
        "Accepted Task Runner events not applied yet, by tenant.", new GaugeConfiguration { LabelNames = ["tenant"] });

    static readonly Gauge WaitingOldest = Metrics.CreateGauge("opsconsole_pack_events_waiting_oldest_seconds",
        "How long the first accepted Task Runner event not applied yet has waited, by tenant.", new GaugeConfiguration { LabelNames = ["tenant"] });

    readonly ScrapedGauge outstanding = new(Outstanding);
    readonly ScrapedGauge waiting = new(Waiting);
    readonly ScrapedGauge waitingOldest = new(WaitingOldest);

    protected override string What => "the Task Runner approval figures";

    /// <summary>Undecided approvals whose request still waits, by tenant.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> OutstandingAsync(OpsDbContext db, CancellationToken ct) =>
        await db.PackApprovals.AsNoTracking().Where(p => p.Decision == null)
            .Join(db.ApprovalRequests.Where(r => r.Status == ApprovalStatus.Pending), p => p.RequestId, r => r.Id, (p, _) => p.Tenant)
            .GroupBy(tenant => tenant)
            .Select(g => new { Tenant = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Tenant, g => g.Count, ct);

    protected override async Task ReadAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        outstanding.Set((await OutstandingAsync(db, ct)).Select(o => (new[] { o.Key }, (double)o.Value)));
        var unapplied = await db.AcceptedPackEvents.AsNoTracking().Where(e => e.AppliedAt == null)
            .GroupBy(e => e.Tenant)
            .Select(g => new { Tenant = g.Key, Count = g.Count(), First = g.Min(e => e.ReceivedAt) })
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        waiting.Set(unapplied.Select(u => (new[] { u.Tenant }, (double)u.Count)));
        waitingOldest.Set(unapplied.Select(u => (new[] { u.Tenant }, Math.Max(0, (now - u.First).TotalSeconds))));
        foreach (var latency in await latencies.NewAsync(db, ct))
            AckLatency.WithLabels(latency.Tenant).Observe(Math.Max(0, latency.Elapsed.TotalSeconds));
    }
}

using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.MetricsScrape;
using Prometheus;

namespace OpsConsole.Platform.Outbox;

/// <summary>
/// Notifications on /metrics by channel and family (the event key's first part: approval, pack, alert, mint):
/// opsconsole_notifications_queued, waiting now, read from the outbox on each scrape; and this instance's
/// opsconsole_notifications_sent_total and opsconsole_notifications_failed_total (given up after the last attempt).
/// In-app notices are delivered with the change that causes them and are in none of these.
/// </summary>
public sealed class OutboxMetrics(IDbContextFactory<OpsDbContext> contexts, ILogger<OutboxMetrics> log) : ReadOnScrape(log)
{
    static readonly string[] Labels = ["channel", "family"];

    static readonly Gauge Queued = Metrics.CreateGauge("opsconsole_notifications_queued",
        "Notifications waiting to be delivered, by channel and family.", new GaugeConfiguration { LabelNames = Labels });

    static readonly Counter Sent = Metrics.CreateCounter("opsconsole_notifications_sent_total",
        "Notifications delivered, by channel and family.", new CounterConfiguration { LabelNames = Labels });

    static readonly Counter Failed = Metrics.CreateCounter("opsconsole_notifications_failed_total",
        "Notifications given up after their last attempt (each left a dead letter), by channel and family.",
        new CounterConfiguration { LabelNames = Labels });

    readonly ScrapedGauge queued = new(Queued);

    protected override string What => "the queued notifications";

    /// <summary>The family of an event key: <c>pack.resume</c> is <c>pack</c>.</summary>
    public static string FamilyOf(string eventKey) => eventKey.Split('.', 2)[0];

    internal static void CountSent(OutboxEntry row) => Sent.WithLabels(row.Channel.ToString(), FamilyOf(row.EventKey)).Inc();

    internal static void CountFailed(OutboxEntry row) => Failed.WithLabels(row.Channel.ToString(), FamilyOf(row.EventKey)).Inc();

    /// <summary>Pending rows by channel and family.</summary>
    public static async Task<IReadOnlyDictionary<(string Channel, string Family), int>> QueuedAsync(OpsDbContext db, CancellationToken ct)
    {
        // Grouped by the whole key in SQL (a handful of distinct keys), then folded into families here.
        var byKey = await db.NotificationOutbox.AsNoTracking().Where(e => e.Status == OutboxStatus.Pending)
            .GroupBy(e => new { e.Channel, e.EventKey })
            .Select(g => new { g.Key.Channel, g.Key.EventKey, Count = g.Count() })
            .ToListAsync(ct);
        return byKey.GroupBy(r => (r.Channel.ToString(), FamilyOf(r.EventKey))).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
    }

    protected override async Task ReadAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        queued.Set((await QueuedAsync(db, ct)).Select(q => (new[] { q.Key.Channel, q.Key.Family }, (double)q.Value)));
    }
}

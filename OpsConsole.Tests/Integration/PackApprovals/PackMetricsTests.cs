using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Platform.Outbox;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Notifications;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Tests.Integration.PackApprovals.MetricsScrape;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>
/// /metrics for Task Runner approvals: what is outstanding per tenant, the time from arrival to decision as a histogram,
/// and their notifications queued, sent and failed. Other test apps in this process share the metric registry, so each
/// test reads series of its own (a tenant of its own, a family of its own) or counts what it added.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PackMetricsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Events = "/notifications/pack-approvals";
    const string KeyId = "metrics-runner";
    const string Secret = "metrics-runner-secret";
    readonly string tenant = $"tenant-{Guid.NewGuid():N}"[..20];
    AlertsApp app = null!;

    public Task InitializeAsync()
    {
        app = new AlertsApp(fixture, new Dictionary<string, string?>
        {
            ["PackApprovals:Department"] = "treasury",
            ["Notifications:MaxAttempts"] = "1",
            [$"MachineClients:Keys:{KeyId}:Secret"] = Secret,
            [$"MachineClients:Keys:{KeyId}:Scopes"] = "Notifier.Events:Write Packs.Approve",
            [$"MachineClients:Keys:{KeyId}:Tenant"] = tenant,
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<PackApprovalRequested> RequestAsync(string runId, string callback)
    {
        var requested = PackEventsFor.Requested(runId, app.Clock.GetUtcNow(), tenant: tenant, callback: callback);
        using var response = await app.PostEventAsync(PackEventsFor.Json(requested), KeyId, Secret);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return requested;
    }

    async Task ApproveAsync(PackApprovalRequested r)
    {
        using var response = await app.PostAsync(PackEventsFor.AckPath(r), PackEventsFor.Json(PackEventsFor.Ack(r, PackDecisions.Approve)), KeyId, Secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Outstanding_approvals_and_the_time_to_a_decision_are_reported_per_tenant()
    {
        var requested = await RequestAsync("run-metrics-1", "https://runner.example/resume");
        Assert.Equal(1, Value(await app.ScrapeAsync(), $"opsconsole_pack_approvals_outstanding{{tenant=\"{tenant}\"}}"));

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await ApproveAsync(requested);
        var scrape = await app.ScrapeAsync();

        Assert.Equal(0, Value(scrape, $"opsconsole_pack_approvals_outstanding{{tenant=\"{tenant}\"}}"));
        Assert.Equal(1, Value(scrape, $"opsconsole_pack_ack_latency_seconds_count{{tenant=\"{tenant}\"}}"));
        Assert.Equal(600, Value(scrape, $"opsconsole_pack_ack_latency_seconds_sum{{tenant=\"{tenant}\"}}"));
        Assert.Equal(0, Value(scrape, $"opsconsole_pack_ack_latency_seconds_bucket{{tenant=\"{tenant}\",le=\"300\"}}"));
        Assert.Equal(1, Value(scrape, $"opsconsole_pack_ack_latency_seconds_bucket{{tenant=\"{tenant}\",le=\"900\"}}"));

        // A later scrape counts the same decision once.
        Assert.Equal(1, Value(await app.ScrapeAsync(), $"opsconsole_pack_ack_latency_seconds_count{{tenant=\"{tenant}\"}}"));
    }

    [Fact]
    public async Task Resume_calls_delivered_and_given_up_are_counted_in_the_pack_family()
    {
        const string sent = "opsconsole_notifications_sent_total{channel=\"Callback\",family=\"pack\"}";
        const string failed = "opsconsole_notifications_failed_total{channel=\"Callback\",family=\"pack\"}";
        var before = await app.ScrapeAsync();
        await using var receiver = HookReceiver.Start();

        await ApproveAsync(await RequestAsync("run-metrics-sent", receiver.Url("/resume")));
        await ApproveAsync(await RequestAsync("run-metrics-failed", $"http://127.0.0.1:{FreePort.Next()}/resume"));
        await app.Host.Services.GetRequiredService<NotificationDispatcher>().DispatchDueAsync();
        await Eventually.TrueAsync(async () =>
        {
            await using var db = fixture.CreateContext();
            return !await db.NotificationOutbox.AnyAsync(o => o.Channel == OutboxChannel.Callback && o.Status == OutboxStatus.Pending);
        }, "both resume calls are settled");
        var after = await app.ScrapeAsync();

        // Other apps in this process may add to the same series, never take from them.
        Assert.True(Value(after, sent) >= (Value(before, sent) ?? 0) + 1, $"{sent}: {Value(before, sent)} → {Value(after, sent)}");
        Assert.True(Value(after, failed) >= (Value(before, failed) ?? 0) + 1, $"{failed}: {Value(before, failed)} → {Value(after, failed)}");
    }

    [Fact]
    public async Task Notifications_waiting_are_reported_by_channel_and_family_and_read_zero_once_sent()
    {
        var family = $"probe{Guid.NewGuid():N}"[..16];
        var outbox = app.Host.Services.GetRequiredService<Outbox>();
        var id = Guid.Empty;
        await using (var db = fixture.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var message = new OutboxMessage(OutboxChannel.Callback, "task-runner:nobody", "probe", family, $"{family}.waiting", "Info",
                "Probe", "Waits a year", app.Clock.GetUtcNow())
            { NotBefore = app.Clock.GetUtcNow().AddYears(1) };
            id = message.Id;
            Assert.True(await outbox.EnqueueAsync(db, message));
            await tx.CommitAsync();
        }
        var series = $"opsconsole_notifications_queued{{channel=\"Callback\",family=\"{family}\"}}";
        Assert.Equal(1, Value(await app.ScrapeAsync(), series));

        await using (var db = fixture.CreateContext())
            await db.NotificationOutbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Delivered));
        Assert.Equal(0, Value(await app.ScrapeAsync(), series));
    }
}

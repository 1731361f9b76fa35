using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Wakeups;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Tests.Integration.PackApprovals.MetricsScrape;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>During a burst of accepting, the applying takes one batch per pause and leaves the machine to the accepting,
/// until the burst ends or the first waiting event grows too old to wait longer. Each test has a database of its own, so
/// that no event of another test waits beside its own.</summary>
[Trait("Category", "Integration")]
public sealed class PackEventYieldingTests : IAsyncLifetime
{
    // More than a batch, so that the first batch leaves some waiting.
    const int Burst = PackEventProcessing.BatchSize + 20;
    const string KeyId = "burst-runner";
    const string Secret = "burst-runner-secret";

    // A tenant of its own: other apps in this process report into the same metric series.
    readonly string tenant = $"tenant-{Guid.NewGuid():N}"[..20];

    readonly DatabaseFixture database = new();
    AlertsApp app = null!;

    public Task InitializeAsync() => database.InitializeAsync();

    public async Task DisposeAsync()
    {
        if (app is not null)
            await app.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task During_a_burst_the_applying_takes_one_batch_per_pause_and_the_rest_once_the_burst_ends()
    {
        var accepted = await BurstAsync(maxLag: "00:10:00");
        var processing = app.Host.Services.GetRequiredService<PackEventProcessing>();
        var wakeups = app.Host.Services.GetRequiredService<WakeupTimers>();
        app.Clock.SetUtcNow(accepted.AddSeconds(1));

        Assert.Equal(PackEventProcessing.BatchSize, await processing.RunAsync(CancellationToken.None));
        Assert.Equal(Burst - PackEventProcessing.BatchSize, await WaitingAsync());
        var scrape = await app.ScrapeAsync();
        Assert.Equal(Burst - PackEventProcessing.BatchSize, Value(scrape, $"opsconsole_pack_events_waiting{{tenant=\"{tenant}\"}}"));
        Assert.Equal(1, Value(scrape, $"opsconsole_pack_events_waiting_oldest_seconds{{tenant=\"{tenant}\"}}"));
        var resumes = accepted.AddSeconds(1) + PackEventProcessing.YieldPause;
        Assert.Equal(resumes, await processing.EarliestAsync(null, CancellationToken.None));
        // Another run before the pause ends (the job's net), and another accepted event, both wait for it.
        Assert.Equal(0, await processing.RunAsync(CancellationToken.None));
        await PostAsync("run-late", app.Clock.GetUtcNow());
        Assert.Equal(resumes, wakeups.ArmedFor(JobRegistration.KeyOf<PackEventsJob>()));

        // No event was accepted in the second before the pause's end: the burst is over.
        app.Clock.SetUtcNow(resumes);
        Assert.Equal(Burst - PackEventProcessing.BatchSize + 1, await processing.RunAsync(CancellationToken.None));
        Assert.Equal(0, await WaitingAsync());
        Assert.Equal(0, Value(await app.ScrapeAsync(), $"opsconsole_pack_events_waiting{{tenant=\"{tenant}\"}}"));
    }

    [Fact]
    public async Task Events_that_waited_the_longest_lag_allowed_are_applied_at_full_speed_during_a_burst()
    {
        var accepted = await BurstAsync(maxLag: "00:00:01");
        var processing = app.Host.Services.GetRequiredService<PackEventProcessing>();
        app.Clock.SetUtcNow(accepted.AddSeconds(1));

        Assert.Equal(Burst, await processing.RunAsync(CancellationToken.None));
        Assert.Equal(0, await WaitingAsync());
        Assert.Null(await processing.EarliestAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Below_the_burst_rate_the_applying_takes_every_waiting_event_at_once()
    {
        var accepted = await BurstAsync(maxLag: "00:10:00", yieldAbove: Burst);
        var processing = app.Host.Services.GetRequiredService<PackEventProcessing>();
        app.Clock.SetUtcNow(accepted.AddSeconds(1));

        Assert.Equal(Burst, await processing.RunAsync(CancellationToken.None));
        Assert.Equal(0, await WaitingAsync());
    }

    /// <summary>Accepts a burst of events within one second of the app's clock; returns that second.</summary>
    async Task<DateTimeOffset> BurstAsync(string maxLag, int yieldAbove = 10)
    {
        app = new AlertsApp(database, new Dictionary<string, string?>
        {
            ["PackApprovals:Department"] = "treasury",
            ["PackApprovals:YieldToAcceptingAbove"] = yieldAbove.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PackApprovals:MaxApplyingLag"] = maxLag,
            [MachineKeyLimit.Settings.PerKeySetting] = "100000",
            [$"MachineClients:Keys:{KeyId}:Secret"] = Secret,
            [$"MachineClients:Keys:{KeyId}:Scopes"] = "Notifier.Events:Write",
            [$"MachineClients:Keys:{KeyId}:Tenant"] = tenant,
            [JobsSettings.EnabledSetting] = "false",
        });
        var now = app.Clock.GetUtcNow();
        var second = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddSeconds(1);
        app.Clock.SetUtcNow(second);
        for (var i = 0; i < Burst; i++)
            await PostAsync($"run-burst-{i}", second);
        return second;
    }

    async Task PostAsync(string runId, DateTimeOffset at)
    {
        using var response = await app.PostAsync(PackEventPosting.Path, PackEventsFor.Json(PackEventsFor.Requested(runId, at, tenant: tenant)),
            KeyId, Secret);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    async Task<int> WaitingAsync()
    {
        await using var db = database.CreateContext();
        return await db.AcceptedPackEvents.CountAsync(e => e.AppliedAt == null);
    }
}

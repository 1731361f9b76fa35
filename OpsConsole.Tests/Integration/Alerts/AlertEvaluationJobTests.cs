using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Alerts;
using OpsConsole.Features.Alerts;
using OpsConsole.Platform.Jobs;
using OpsConsole.Tests.Integration.Support;
using Quartz;

namespace OpsConsole.Tests.Integration.Alerts;

/// <summary>The evaluator as the app runs it: a clustered Quartz job, fed through the signed ingest endpoint.</summary>
[Trait("Category", "Integration")]
public sealed class AlertEvaluationJobTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    AlertsApp app = null!;

    public Task InitializeAsync()
    {
        // The job's own interval stays out of the way; the test fires it.
        app = new AlertsApp(fixture, new Dictionary<string, string?> { ["Alerts:EvaluateInterval"] = "01:00:00" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<List<AlertEventStatus>> RunJobUntilAsync(int events)
    {
        var scheduler = app.Host.Services.GetRequiredKeyedService<IScheduler>(JobsFeature.SchedulerName);
        await scheduler.TriggerJob(new JobKey(JobRegistration.KeyOf<AlertEvaluationJob>()));
        return await Poll.UntilAsync(async () =>
        {
            await using var db = fixture.CreateContext();
            return await db.AlertEvents.AsNoTracking().Where(e => e.Code == AlertCodes.ReferencePriceStale && e.ScopeKey == "LTC/EUR")
                .OrderBy(e => e.OccurredAt).Select(e => e.Status).ToListAsync();
        }, statuses => statuses.Count >= events);
    }

    string Ago(TimeSpan age) => (app.Clock.GetUtcNow() - age).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");

    [Fact]
    public async Task The_job_raises_a_stale_price_and_clears_it_once_a_fresh_one_is_posted()
    {
        using var stale = await app.PostAsync("/api/ingest/market-prices",
            $$"""{ "pair": "LTC/EUR", "price": "70.5", "source": "kraken", "observedAt": "{{Ago(TimeSpan.FromMinutes(10))}}" }""");
        Assert.True(stale.IsSuccessStatusCode);

        Assert.Equal([AlertEventStatus.Raised], await RunJobUntilAsync(1));

        app.Clock.Advance(TimeSpan.FromSeconds(5));
        using var fresh = await app.PostAsync("/api/ingest/market-prices",
            $$"""{ "pair": "LTC/EUR", "price": "70.9", "source": "kraken", "observedAt": "{{Ago(TimeSpan.FromSeconds(1))}}" }""");
        Assert.True(fresh.IsSuccessStatusCode);

        Assert.Equal([AlertEventStatus.Raised, AlertEventStatus.Cleared], await RunJobUntilAsync(2));
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Alerts.Ingest;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;

/// <summary>
/// One evaluation of every rule (AlertEvaluator.EvaluateAsync, as the job runs it) with 1,000 pairs and 1,000 inventory
/// scopes: in the steady state (every fact fresh, nothing to write), the tick that raises them all, the steady state with
/// all of them raised, and the tick that clears them all. Facts go in through the real ingest store.
/// </summary>
static class EvaluatorTick
{
    public static async Task RunAsync(string cs, int pairs, int scopes, int runs)
    {
        var clock = new BenchClock(DateTimeOffset.UtcNow);
        await using var app = Services(cs, clock);
        await app.MigrateOpsDatabaseAsync();
        var store = app.GetRequiredService<IngestStore>();
        var evaluator = app.GetRequiredService<AlertEvaluator>();
        await FreshFactsAsync(store, clock.GetUtcNow(), pairs, scopes);

        for (var warm = 0; warm < 3; warm++)
            await evaluator.EvaluateAsync();
        Console.WriteLine($"Evaluator tick, {pairs:N0} pairs and {scopes:N0} inventory scopes, {runs} runs each (load {MachineLoad.Average()}):");
        Console.WriteLine($"  steady, every fact fresh, nothing raised: {await TimeAsync(evaluator, runs)}");

        // Past both windows: every pair and scope goes stale at once.
        clock.Advance(TimeSpan.FromMinutes(16));
        var raise = Stopwatch.StartNew();
        var raised = await evaluator.EvaluateAsync();
        Console.WriteLine($"  the tick that raises them all: {raise.Elapsed.TotalMilliseconds:F1} ms ({raised.Raised:N0} raised)");
        Console.WriteLine($"  steady with {raised.Raised:N0} raised: {await TimeAsync(evaluator, runs)}");

        await FreshFactsAsync(store, clock.GetUtcNow(), pairs, scopes);
        var clear = Stopwatch.StartNew();
        var cleared = await evaluator.EvaluateAsync();
        Console.WriteLine($"  the tick that clears them all: {clear.Elapsed.TotalMilliseconds:F1} ms ({cleared.Cleared:N0} cleared)");
    }

    static async Task<Percentiles> TimeAsync(AlertEvaluator evaluator, int runs)
    {
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var sw = Stopwatch.StartNew();
            var result = await evaluator.EvaluateAsync();
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (result.Raised + result.Cleared > 0 || result.FailedRules.Count > 0)
                throw new InvalidOperationException("A steady tick changed something; the figures would not be of a steady state.");
        }
        return new Percentiles(times);
    }

    static async Task FreshFactsAsync(IngestStore store, DateTimeOffset now, int pairs, int scopes)
    {
        await store.StoreAsync([.. Enumerable.Range(0, pairs).Select(i => new MarketPrice($"P{i:D4}/EUR", 1000m + i, "bench", now))], "bench", default);
        await store.StoreAsync([.. Enumerable.Range(0, scopes).Select(i => new InventorySnapshot($"acct-{i:D4}", "EURE", 1000m, 0m, now))], "bench", default);
    }

    static ServiceProvider Services(string cs, TimeProvider clock)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = cs,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(clock).AddSingleton<IConfiguration>(config);
        services.AddOpsCore(config);
        services.AddAuthorizationBuilder().AddOpsPolicies();
        services.AddNotifications(config).AddApprovals(config).AddPeopleDirectory().AddAlerts(config);
        // The dead-letter writer announces on this topic; in the app the dead-letter feature registers it.
        services.AddLiveTopic(LiveTopics.DeadLetters, LiveAudience.HoldersOf(OpsPolicies.FollowDeadLetters));
        return services.BuildServiceProvider();
    }

    /// <summary>The system clock, moved on by the bench to make facts stale without waiting.</summary>
    sealed class BenchClock(DateTimeOffset start) : TimeProvider
    {
        TimeSpan ahead = start - DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + ahead;

        public void Advance(TimeSpan by) => ahead += by;
    }
}

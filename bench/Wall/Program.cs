using System.Globalization;
using Npgsql;
using OpsConsole.Platform.Data;

// The wall and the ingest at scale, on the app's own embedded PostgreSQL (127.0.0.1 only, in a temporary folder, removed
// at the end), with the console built in Release run as its own process where a browser or HTTP client measures it:
//   tick    [pairs=1000] [scopes=1000] [runs=31]   evaluator tick time, in process
//   ingest  [rate=200] [seconds=60] [steady=0]      POST /api/ingest/market-prices at a fixed rate, open loop, after 3,000 warm-up requests
//                                                   and steady seconds at the same rate, unmeasured
//   saturate [seconds=15] [runs=3] [ceiling=0]      the same endpoint saturated with wrk, as the ingest ceiling does;
//                                                   given the ceiling's POST /ingest req/s, prints the ratio to it
//   latency [raises=100] [walls=200] [browsers=20]  committed raise → tile visible in headless Chromium, with walls wall
//                                                   connections open, browsers of them wall pages (the rest hub connections)
//   pack-ingest [rate=200] [seconds=60] [steady=0]  POST /notifications/pack-approvals at a fixed rate, open loop, after 3,000
//                                                   warm-up requests; each a new PackApprovalRequested that opens its approval
//                                                   request, sent with the demo key (demo data on, its live feeds off)
//   pack-saturate [seconds=15] [runs=3] [ceiling=0] the same endpoint saturated with wrk, as saturate does its own
// With no mode, the first four in that order. The fixed-rate modes also print what the console and PostgreSQL spent per
// accepted request; with OPS_BENCH_PROFILE=1, each kind of statement too (which slows that run).
// Build first: dotnet build OpsConsole -c Release && dotnet build bench/Wall -c Release
var mode = args.FirstOrDefault() ?? "all";
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;

var dir = Path.Combine(Path.GetTempPath(), $"opsconsole-bench-wall-{Guid.NewGuid():N}");
Directory.CreateDirectory(dir);
await using var pg = await EmbeddedPostgres.StartAsync(Path.Combine(dir, "pg"));
// Interrupted (Ctrl+C, SIGTERM), the bench still stops the console it started and its PostgreSQL, and leaves nothing.
AppDomain.CurrentDomain.ProcessExit += (_, _) => Leave(pg, dir);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = false;
    Leave(pg, dir);
};
try
{
    Console.WriteLine($"# wall bench {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC; {Environment.ProcessorCount} cores; load {MachineLoad.Average()}; PostgreSQL on 127.0.0.1:{pg.Port}");
    if (mode is "all" or "tick")
    {
        await pg.EnsureDatabaseAsync("tick");
        await EvaluatorTick.RunAsync(pg.ConnectionStringFor("tick"), Arg(1, 1000), Arg(2, 1000), Arg(3, 31));
    }
    if (mode is "all" or "ingest")
        await RateAsync("ingest", MarketPrices.Target, new Dictionary<string, string>());
    if (mode is "all" or "saturate")
        await SaturateAsync("saturate", MarketPrices.Target, new Dictionary<string, string>());
    if (mode is "all" or "latency")
    {
        var cs = await DatabaseAsync(pg, "latency");
        // The evaluator every second, on this instance alone: a raise is committed within a second of its failed trade.
        await using var console = await BenchConsole.StartAsync(cs, dir, new Dictionary<string, string> { ["Alerts__EvaluateInterval"] = "00:00:01" });
        await RaiseLatency.RunAsync(console, cs, Arg(1, 100), Arg(2, 200), Arg(3, 20));
    }
    if (mode is "pack-ingest")
        await RateAsync("pack", _ => PackApprovalEvents.Target, PackApprovalEvents.Settings);
    if (mode is "pack-saturate")
        await SaturateAsync("pack-saturate", _ => PackApprovalEvents.Target, PackApprovalEvents.Settings);
    Console.WriteLine($"# done {DateTime.UtcNow:HH:mm:ss} UTC; load {MachineLoad.Average()}");
}
finally
{
    Leave(pg, dir);
}

// An ingest target at a fixed rate, on a database of its own, with what the server spent per accepted request.
async Task RateAsync(string database, Func<BenchConsole, IngestTarget> target, IReadOnlyDictionary<string, string> settings)
{
    var cs = await DatabaseAsync(pg, database);
    await using var console = await BenchConsole.StartAsync(cs, dir, settings);
    var cost = new ServerCost(console, pg, cs);
    Console.WriteLine($"Ingest, fixed rate (load {MachineLoad.Average()}):");
    var (figures, accepted) = await IngestRate.RunAsync(console, target(console), Arg(1, 200), Arg(2, 60), Arg(3, 0), cost.StartAsync);
    Console.WriteLine($"  {figures}");
    Console.WriteLine($"  (load {MachineLoad.Average()})");
    // An accepted pack event is applied after its answer: the run's cost includes applying what it accepted.
    if (database == "pack")
        Console.WriteLine($"  {await PackEventsDrain.WaitAsync(cs)}");
    Console.WriteLine($"  {await cost.FinishAsync(accepted)}");
}

// An ingest target saturated, on a database of its own; only the machine limits the rate here, as in the ceiling: the
// per-key allowance is raised past what it can send.
async Task SaturateAsync(string database, Func<BenchConsole, IngestTarget> target, IReadOnlyDictionary<string, string> settings)
{
    var cs = await DatabaseAsync(pg, database);
    await using var console = await BenchConsole.StartAsync(cs, dir,
        new Dictionary<string, string>(settings) { ["RateLimits__Machine__PerKey"] = "100000000" });
    await IngestSaturation.RunAsync(console, target(console), dir, Arg(1, 15), Arg(2, 3),
        args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0);
    // The applying yields to a burst of accepting: how long what was accepted then took to be applied.
    if (database == "pack-saturate" && Environment.GetEnvironmentVariable("Jobs__Enabled") != "false")
        Console.WriteLine($"  {await PackEventsDrain.WaitAsync(cs)}");
}

static void Leave(EmbeddedPostgres pg, string dir)
{
    BenchConsole.StopAll();
    NpgsqlConnection.ClearAllPools();
    pg.StopAsync().GetAwaiter().GetResult();
    if (Directory.Exists(dir))
        Directory.Delete(dir, recursive: true);
}

// A database of its own per part, migrated by the console's own start-up; returns its connection string.
static async Task<string> DatabaseAsync(EmbeddedPostgres pg, string name)
{
    await pg.EnsureDatabaseAsync(name);
    return pg.ConnectionStringFor(name);
}

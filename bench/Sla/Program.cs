using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;

// SLA timers at scale, on the app's own embedded PostgreSQL (127.0.0.1 only, in a temporary folder):
// 1. a tick of the due job with nothing due at 1,000 and at 100,000 Pending requests, two databases ticked in turn;
// 2. the due job (SlaTimers.ApplyDueAsync, with its audit and outbox rows) on 10,000 requests due at once among 100,000,
//    three times, each on a fresh database, after two unmeasured warm-up runs;
// 3. one safety sweep over every Pending request;
// 4. lateness: two console processes while steps fall due spread over a window, then again with one killed halfway.
// Usage: dotnet run -c Release --project bench/Sla [lateness minutes, default 10] [tick runs, default 301] [steps, default 1000]
//        dotnet run -c Release --project bench/Sla due <count> [pending]       (only part 2, for profiling)
//        dotnet run -c Release --project bench/Sla lateness <minutes> [steps]  (only part 4, on 100,000 Pending)
var only = args is [("due" or "lateness") and var part, ..] ? part : null;
double Arg(int i, double fallback) => args.Length > i ? double.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
var latenessMinutes = only == "lateness" ? Arg(1, 10) : only is null ? Arg(0, 10) : 0;
var tickRuns = only is null ? (int)Arg(1, 301) : 0;
var steps = (int)(only == "lateness" ? Arg(2, 1000) : Arg(2, 1000));
var due = only == "due" ? (int)Arg(1, 10_000) : 10_000;
var large = only == "due" ? (int)Arg(2, 100_000) : 100_000;
const int Small = 1_000;
const int DueRuns = 3;

var dir = Path.Combine(Path.GetTempPath(), $"opsconsole-bench-sla-{Guid.NewGuid():N}");
await using var pg = await EmbeddedPostgres.StartAsync(dir);
try
{
    Console.WriteLine($"SLA timers bench; {Environment.ProcessorCount} cores, PostgreSQL on 127.0.0.1:{pg.Port}");
    var cs = await PrepareAsync(pg, "large", large);
    if (only != "lateness")
        await using (var app = BenchApp.Services(cs))
        {
            var timers = app.GetRequiredService<SlaTimers>();
            if (only is null)
            {
                var smallCs = await PrepareAsync(pg, "small", Small);
                await using var smallApp = BenchApp.Services(smallCs);
                await TickTimes.CompareAsync(smallApp.GetRequiredService<SlaTimers>(), Small, timers, large, tickRuns, cs);
            }
            // The app's steady state, not its first minute: the due job runs twice unmeasured first, so that its code is
            // compiled and tiered up (measured runs 1 and 2 cost up to twice the CPU of later ones without this).
            for (var warm = 1; warm <= 2; warm++)
            {
                var warmCs = await PrepareAsync(pg, $"warm{warm}", 2 * due);
                await using var warmApp = BenchApp.Services(warmCs);
                await BenchSeed.MakeDueAsync(warmCs, due);
                await warmApp.GetRequiredService<SlaTimers>().ApplyDueAsync();
            }
            // Three runs, each on a database of its own as the ceiling reloads its table, so the median compares.
            List<double> runs = [await DueJobAsync(timers, cs, due, large, pg.DataDirectory)];
            for (var run = 2; run <= DueRuns; run++)
            {
                var runCs = await PrepareAsync(pg, $"due{run}", large);
                await using var runApp = BenchApp.Services(runCs);
                runs.Add(await DueJobAsync(runApp.GetRequiredService<SlaTimers>(), runCs, due, large, pg.DataDirectory));
            }
            runs.Sort();
            Console.WriteLine($"Due job, median of {runs.Count} runs: {runs[runs.Count / 2]:F3} s ({string.Join(", ", runs.Select(r => r.ToString("F3", CultureInfo.InvariantCulture)))})");
            if (only == "due")
                return;
            var sw = Stopwatch.StartNew();
            var swept = await timers.SweepAsync();
            var pending = await BenchSeed.CountAsync(cs, "SELECT count(*) FROM approval_requests WHERE status = 'Pending'");
            Console.WriteLine();
            Console.WriteLine($"Safety sweep over {pending:N0} Pending requests, nothing due: {sw.Elapsed.TotalSeconds:F2} s ({swept} steps)");
        }
    NpgsqlConnection.ClearAllPools();

    // The deliveries of the first part would otherwise keep the dispatchers busy at the instances' start.
    await BenchSeed.ExecuteAsync(cs, "DELETE FROM notification_outbox");
    var window = TimeSpan.FromMinutes(latenessMinutes);
    Console.WriteLine();
    Console.WriteLine(await LatenessRun.RunAsync(cs, dir, "Stream", window, steps, killHalfway: false));
    Console.WriteLine(await LatenessRun.RunAsync(cs, dir, "Killed", window, steps, killHalfway: true));
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await pg.StopAsync();
    try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
}

static async Task<double> DueJobAsync(SlaTimers timers, string cs, int due, int pending, string dataDir)
{
    await BenchSeed.MakeDueAsync(cs, due);
    await BenchSeed.VacuumAnalyzeAsync(cs);
    if (CommandProfile.Enabled)
        CommandProfile.Instance.Report(0);
    var audit0 = await BenchSeed.CountAsync(cs, "SELECT count(*) FROM audit_events");
    var outbox0 = await BenchSeed.CountAsync(cs, "SELECT count(*) FROM notification_outbox");
    var cpu0 = CpuTimes.Now(dataDir);
    var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    var sw = Stopwatch.StartNew();
    var fired = await timers.ApplyDueAsync();
    var elapsed = sw.Elapsed.TotalSeconds;
    var cpu1 = CpuTimes.Now(dataDir);
    var gc = $"collections gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}; " +
        $"paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms ({(GCSettings.IsServerGC ? "server" : "workstation")} GC)";
    var audit = await BenchSeed.CountAsync(cs, "SELECT count(*) FROM audit_events") - audit0;
    var outbox = await BenchSeed.CountAsync(cs, "SELECT count(*) FROM notification_outbox") - outbox0;
    var left = await BenchSeed.CountAsync(cs, "SELECT count(*) FROM approval_requests WHERE status = 'Pending' AND next_due_at <= now()");
    Console.WriteLine();
    Console.WriteLine($"Due job on {due:N0} due requests among {pending:N0} Pending (batches of 500):");
    Console.WriteLine($"  {elapsed:F3} s; {fired:N0} steps; {due / elapsed:N0} requests/s; {audit:N0} audit rows and {outbox:N0} outbox rows " +
        $"written ({(due + audit + outbox) / elapsed:N0} rows/s with the requests); still due afterwards: {left}");
    Console.WriteLine($"  CPU time meanwhile: this process {cpu1.Client - cpu0.Client:F2} s, PostgreSQL {cpu1.Server - cpu0.Server:F2} s");
    Console.WriteLine($"  GC meanwhile: {gc}");
    if (!CommandProfile.Enabled)
        return elapsed;
    Console.WriteLine($"  waiting on PostgreSQL (statements and commits): {CommandProfile.Instance.Waited:F3} s; the rest, {elapsed - CommandProfile.Instance.Waited:F3} s, is the process's own work");
    CommandProfile.Instance.Report();
    return elapsed;
}

// A migrated database with the demo users (so that notices reach people) and Pending requests of which none is due.
static async Task<string> PrepareAsync(EmbeddedPostgres pg, string name, int pending)
{
    await pg.EnsureDatabaseAsync(name);
    var cs = pg.ConnectionStringFor(name);
    await using var app = BenchApp.Services(cs);
    await app.MigrateOpsDatabaseAsync();
    using (var scope = app.CreateScope())
        await scope.ServiceProvider.GetRequiredService<DemoSeed>().SeedAsync();
    await BenchSeed.AddNotDueAsync(cs, pending);
    await BenchSeed.VacuumAnalyzeAsync(cs);
    return cs;
}

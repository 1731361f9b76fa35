using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;

// SLA timers at scale, on the app's own embedded PostgreSQL (127.0.0.1 only, in a temporary folder):
// 1. a tick of the due job with nothing due at 1,000 and at 100,000 Pending requests, two databases ticked in turn;
// 2. the due job (SlaTimers.ApplyDueAsync, with its audit and outbox rows) on 10,000 requests due at once among 100,000;
// 3. one safety sweep over every Pending request;
// 4. lateness: the real SlaDueJob under Quartz every 15 s while requests fall due one after another.
// Usage: dotnet run -c Release --project bench/Sla [lateness minutes, default 3] [tick runs, default 301]
//        dotnet run -c Release --project bench/Sla due <count> [pending]   (only part 2, for profiling)
var dueOnly = args is ["due", ..];
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
var latenessMinutes = !dueOnly && args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var tickRuns = dueOnly ? 0 : Arg(1, 301);
var due = dueOnly ? Arg(1, 10_000) : 10_000;
var large = dueOnly ? Arg(2, 100_000) : 100_000;
const int Small = 1_000;

var dir = Path.Combine(Path.GetTempPath(), $"opsconsole-bench-sla-{Guid.NewGuid():N}");
await using var pg = await EmbeddedPostgres.StartAsync(dir);
try
{
    Console.WriteLine($"SLA timers bench; {Environment.ProcessorCount} cores, PostgreSQL on 127.0.0.1:{pg.Port}");
    var cs = await PrepareAsync(pg, "large", large);
    await using (var app = BenchApp.Services(cs))
    {
        var timers = app.GetRequiredService<SlaTimers>();
        if (!dueOnly)
        {
            var smallCs = await PrepareAsync(pg, "small", Small);
            await using var smallApp = BenchApp.Services(smallCs);
            await TickTimes.CompareAsync(smallApp.GetRequiredService<SlaTimers>(), Small, timers, large, tickRuns, cs);
        }

        await BenchSeed.MakeDueAsync(cs, due);
        await BenchSeed.VacuumAnalyzeAsync(cs);
        if (CommandProfile.Enabled)
            CommandProfile.Instance.Report(0);
        var audit0 = await BenchSeed.CountAsync(cs, "SELECT count(*) FROM audit_events");
        var outbox0 = await BenchSeed.CountAsync(cs, "SELECT count(*) FROM notification_outbox");
        var sw = Stopwatch.StartNew();
        var fired = await timers.ApplyDueAsync();
        var elapsed = sw.Elapsed.TotalSeconds;
        var audit = await BenchSeed.CountAsync(cs, "SELECT count(*) FROM audit_events") - audit0;
        var outbox = await BenchSeed.CountAsync(cs, "SELECT count(*) FROM notification_outbox") - outbox0;
        var left = await BenchSeed.CountAsync(cs, "SELECT count(*) FROM approval_requests WHERE status = 'Pending' AND next_due_at <= now()");
        Console.WriteLine();
        Console.WriteLine($"Due job on {due:N0} due requests among {large:N0} Pending (batches of 500):");
        Console.WriteLine($"  {elapsed:F2} s; {fired:N0} steps; {due / elapsed:N0} requests/s; {audit:N0} audit rows and {outbox:N0} outbox rows " +
            $"written ({(due + audit + outbox) / elapsed:N0} rows/s with the requests); still due afterwards: {left}");
        if (CommandProfile.Enabled)
            CommandProfile.Instance.Report();
        if (dueOnly)
            return;

        sw.Restart();
        var swept = await timers.SweepAsync();
        var pending = await BenchSeed.CountAsync(cs, "SELECT count(*) FROM approval_requests WHERE status = 'Pending'");
        Console.WriteLine();
        Console.WriteLine($"Safety sweep over {pending:N0} Pending requests, nothing due: {sw.Elapsed.TotalSeconds:F2} s ({swept} steps)");
    }
    NpgsqlConnection.ClearAllPools();

    // The deliveries of the first part would otherwise keep the dispatcher busy at the scheduler's start.
    await BenchSeed.ExecuteAsync(cs, "DELETE FROM notification_outbox");
    var lateness = await LatenessRun.RunAsync(cs, TimeSpan.FromMinutes(latenessMinutes), perSecond: 10);
    Console.WriteLine();
    Console.WriteLine(lateness);
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await pg.StopAsync();
    try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
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

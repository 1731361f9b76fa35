using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Platform.Data;

// Server time of the dead-letter list page query and the grouped counts with 100,000 records, on the app's own
// embedded PostgreSQL. Usage: dotnet run -c Release --project bench/DeadLetters [runs]
var runs = args.Length > 0 ? int.Parse(args[0]) : 31;
const int Records = 100_000;
var dir = Path.Combine(Path.GetTempPath(), $"opsconsole-bench-{Guid.NewGuid():N}");
await using var pg = await EmbeddedPostgres.StartAsync(dir);
try
{
    await pg.EnsureDatabaseAsync("bench");
    var cs = pg.ConnectionStringFor("bench");
    var options = new DbContextOptionsBuilder<OpsDbContext>();
    DatabaseSetup.Configure(options, cs);
    await using (var db = new OpsDbContext(options.Options))
        await db.Database.MigrateAsync();
    await SeedAsync(cs);

    var query = new DeadLetterQuery(new Factory(options.Options), TimeProvider.System);
    var now = DateTimeOffset.UtcNow;
    var cases = new (string Name, Func<Task> Run)[]
    {
        ("list page (Unresolved, page 1 of 50, with total)", () => query.ListAsync(DeadLetterFilter.Unresolved, 0, 50)),
        ("list page (Unresolved, page 200 of 50)", () => query.ListAsync(DeadLetterFilter.Unresolved, 199, 50)),
        ("list page (Unresolved + operation + last 7 days)", () => query.ListAsync(
            new DeadLetterFilter(Operation: "op.3", FailedAfter: now.AddDays(-7)), 0, 50)),
        ("grouped counts (Unresolved)", () => query.GroupsAsync(DeadLetterFilter.Unresolved)),
        ("grouped counts (any status)", () => query.GroupsAsync(new DeadLetterFilter(Status: null))),
        ("unresolved count (navigation badge)", () => query.UnresolvedCountAsync()),
    };
    Console.WriteLine($"{Records:N0} dead letters, {runs} runs each after 3 warm-ups; {Environment.ProcessorCount} cores");
    Console.WriteLine($"{"case",-52} {"median ms",10} {"p90 ms",8} {"max ms",8}");
    foreach (var (name, run) in cases)
    {
        for (var i = 0; i < 3; i++)
            await run();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await run();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{name,-52} {times[runs / 2],10:F1} {times[(int)(runs * 0.9)],8:F1} {times[^1],8:F1}");
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await pg.StopAsync();
    try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
}

// 80% Unresolved, the rest closed; 40 fingerprints over 10 operations; failures spread over 60 days.
static async Task SeedAsync(string cs)
{
    await using var conn = new NpgsqlConnection(cs);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand($"""
        INSERT INTO dead_letters (id, aggregate_type, aggregate_id, operation, from_state, to_state, reason_message,
            exception_type, stack_trace, retry_count, first_failed_at, last_failed_at, source, correlation_key, payload,
            status, fingerprint, closed_at)
        SELECT gen_random_uuid(), 'approval_request', 'req-' || n, 'op.' || (n % 10), 'Pending', 'Approved',
            'Gave up after 3 attempt(s); the last failed with: conflict on request ' || n,
            'Npgsql.PostgresException', repeat('   at Some.Frame()' || chr(10), 30), 3,
            now() - make_interval(mins => n % 86400) - interval '1 minute', now() - make_interval(mins => n % 86400),
            (ARRAY['ui','api','sweeper','dispatcher'])[1 + n % 4], 'corr-' || n, jsonb_build_object('n', n, 'memo', 'invoice ' || n),
            CASE WHEN n % 5 = 0 THEN (CASE WHEN n % 10 = 0 THEN 'Resolved' ELSE 'Discarded' END) ELSE 'Unresolved' END,
            'fp-' || (n % 40),
            CASE WHEN n % 5 = 0 THEN now() - make_interval(mins => n % 86400) ELSE NULL END
        FROM generate_series(1, {Records}) AS n;
        """, conn);
    cmd.CommandTimeout = 300;
    await cmd.ExecuteNonQueryAsync();
    // As autovacuum leaves a settled table: statistics and the visibility map that index-only scans rely on.
    await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE dead_letters", conn) { CommandTimeout = 300 };
    await vacuum.ExecuteNonQueryAsync();
}

sealed class Factory(DbContextOptions<OpsDbContext> options) : IDbContextFactory<OpsDbContext>
{
    public OpsDbContext CreateDbContext() => new(options);
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Features.Stellar;
using OpsConsole.Platform;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;

// N approved mints submitted and reconciled against the simulated network (a ledger every 5 s) by the job's own pass,
// on the app's embedded PostgreSQL. Prints the throughput and the time from approval to submission (sent) and to
// confirmation. Usage: dotnet run -c Release --project bench/Stellar [mints]
var mints = args.Length > 0 ? int.Parse(args[0]) : 1000;
var dir = Path.Combine(Path.GetTempPath(), $"opsconsole-bench-{Guid.NewGuid():N}");
await using var pg = await EmbeddedPostgres.StartAsync(dir);
try
{
    await pg.EnsureDatabaseAsync("bench");
    var cs = pg.ConnectionStringFor("bench");
    var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = cs,
        ["Stellar:Mode"] = "Simulated",
    }).Build();
    var services = new ServiceCollection();
    services.AddLogging().AddSingleton(TimeProvider.System).AddOpsCore(config).AddNotifications(config).AddApprovals(config).AddPeopleDirectory();
    services.AddOptions<LiveOptions>().Configure(o => o.ConnectionString = cs);
    services.AddLiveTopic(LiveTopics.DeadLetters, LiveAudience.HoldersOf(OpsPolicies.ReadDeadLetters));
    services.AddStellar(config);
    await using var provider = services.BuildServiceProvider();
    var contexts = provider.GetRequiredService<IDbContextFactory<OpsDbContext>>();
    await using (var db = await contexts.CreateDbContextAsync())
    {
        await db.Database.MigrateAsync();
        db.Departments.Add(new Department { Id = "treasury", Name = "Treasury" });
        await db.SaveChangesAsync();
    }

    var approvals = provider.GetRequiredService<ApprovalService>();
    var manager = ApprovalActor.User("manager@bench.local", [ApprovalRoles.Manager], ["treasury"]);
    var issuer = IssuerKey.SimulatedAccountId();
    var destination = StrKey.EncodeAccountId(new byte[32]);
    var seeding = Stopwatch.StartNew();
    for (var i = 0; i < mints; i++)
    {
        var created = await approvals.CreateAsync(new NewApprovalRequest(ApprovalKind.Mint, $"Bench mint {i}", "treasury", "desk@bench.local",
            new MintPayload("OPS", issuer, destination, 1 + i % 100, $"bench {i}")));
        await approvals.ActAsync(created.Created!.Id, ApprovalCommand.Approve(), manager);
    }
    Console.WriteLine($"{mints} mints created and approved in {seeding.Elapsed.TotalSeconds:F1} s; {Environment.ProcessorCount} cores");

    var submitter = provider.GetRequiredService<MintSubmitter>();
    var started = DateTimeOffset.UtcNow;
    var run = Stopwatch.StartNew();
    var passes = 0;
    TimeSpan? allSent = null;
    while (true)
    {
        passes++;
        await submitter.RunAsync(CancellationToken.None);
        await using var db = await contexts.CreateDbContextAsync();
        var counts = await db.StellarSubmissions.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var sent = counts.Where(c => c.Key is not SubmissionStatus.Built).Sum(c => c.Count);
        if (allSent is null && sent == mints)
            allSent = run.Elapsed;
        if (counts.Sum(c => c.Count) == mints && counts.All(c => c.Key is not (SubmissionStatus.Built or SubmissionStatus.Pending)))
        {
            Console.WriteLine($"all ended after {run.Elapsed.TotalSeconds:F1} s in {passes} passes: "
                + string.Join(", ", counts.Select(c => $"{c.Count} {c.Key}")));
            break;
        }
        if (run.Elapsed > TimeSpan.FromMinutes(20))
            throw new TimeoutException("Not done after 20 minutes: " + string.Join(", ", counts.Select(c => $"{c.Count} {c.Key}")));
    }

    await using (var db = await contexts.CreateDbContextAsync())
    {
        var rows = await db.StellarSubmissions.Join(db.ApprovalRequests, s => s.RequestId, r => r.Id,
            (s, r) => new { r.DecidedAt, s.SentAt, s.FinishedAt }).ToListAsync();
        static string Percentiles(List<double> v)
        {
            v.Sort();
            return $"p50 {v[v.Count / 2]:F2} s, p99 {v[(int)(v.Count * 0.99)]:F2} s, max {v[^1]:F2} s";
        }
        Console.WriteLine($"sending all {mints}: {allSent!.Value.TotalSeconds:F1} s ({mints / allSent.Value.TotalSeconds:F1} mints/s)");
        // Every request was approved before the first pass, so the time from approval includes the seeding itself; the time
        // from the first pass is what the backlog costs the submitter.
        Console.WriteLine($"approval to submission: {Percentiles([.. rows.Select(r => (r.SentAt!.Value - r.DecidedAt!.Value).TotalSeconds)])}");
        Console.WriteLine($"first pass to submission: {Percentiles([.. rows.Select(r => (r.SentAt!.Value - started).TotalSeconds)])}");
        Console.WriteLine($"approval to confirmation: {Percentiles([.. rows.Select(r => (r.FinishedAt!.Value - r.DecidedAt!.Value).TotalSeconds)])}");
        Console.WriteLine($"run to confirmation of all: {run.Elapsed.TotalSeconds:F1} s ({mints / run.Elapsed.TotalSeconds:F1} mints/s)");
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await pg.StopAsync();
    try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
}

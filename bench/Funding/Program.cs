using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NBitcoin;
using Npgsql;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Funding;
using OpsConsole.Features.Identity;
using OpsConsole.Platform;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;

// One funding observer pass over N active BTC handles against a local Esplora replay (each address: one confirmed payment,
// one in the mempool), on the app's embedded PostgreSQL: the first pass records 2 observations per handle, the later
// ones find nothing new. Prints each pass's time, handles per second and the Esplora requests per handle.
// Usage: dotnet run -c Release --project bench/Funding [handles] [passes]
var count = args.Length > 0 ? int.Parse(args[0]) : 1000;
var passes = args.Length > 1 ? int.Parse(args[1]) : 5;
var addresses = Enumerable.Range(0, count).Select(_ => new Key().PubKey.GetAddress(ScriptPubKeyType.Segwit, Network.RegTest).ToString()).ToList();
await using var esplora = await EsploraReplay.StartAsync(addresses);
var dir = Path.Combine(Path.GetTempPath(), $"opsconsole-bench-{Guid.NewGuid():N}");
await using var pg = await EmbeddedPostgres.StartAsync(dir);
try
{
    await pg.EnsureDatabaseAsync("bench");
    var cs = pg.ConnectionStringFor("bench");
    var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = cs,
        ["Bitcoin:Mode"] = "Esplora",
        ["Bitcoin:EsploraUrl"] = esplora.Url.ToString(),
        ["Bitcoin:Network"] = "regtest",
    }).Build();
    var services = new ServiceCollection();
    services.AddLogging().AddSingleton(TimeProvider.System).AddOpsCore(config).AddAuthorization();
    services.AddOptions<LiveOptions>().Configure(o => o.ConnectionString = cs);
    services.AddFunding(config);
    await using var provider = services.BuildServiceProvider();
    var contexts = provider.GetRequiredService<IDbContextFactory<OpsDbContext>>();
    await using (var db = await contexts.CreateDbContextAsync())
        await db.Database.MigrateAsync();

    var admin = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.Email, "admin@bench.local"), new(ClaimTypes.Role, Roles.Admin)], "bench"));
    var handles = provider.GetRequiredService<FundingHandles>();
    var seeding = Stopwatch.StartNew();
    foreach (var (address, i) in addresses.Select((a, i) => (a, i)))
        if (await handles.AddAsync(admin, new(FundingAssets.Bitcoin, FundingAssets.Btc, $"bench-{i % 10}", address, $"Bench handle {i}")) is { Succeeded: false } r)
            throw new InvalidOperationException(string.Join(" ", r.Errors.Select(e => e.Message)));
    Console.WriteLine($"{count} handles added in {seeding.Elapsed.TotalSeconds:F1} s; {Environment.ProcessorCount} cores");

    var observer = provider.GetRequiredService<FundingObserver>();
    for (var pass = 1; pass <= passes; pass++)
    {
        esplora.ResetCounts();
        var run = Stopwatch.StartNew();
        var result = await observer.PollAsync();
        run.Stop();
        var requests = esplora.Counts.Values.Sum();
        Console.WriteLine($"pass {pass}: {run.Elapsed.TotalSeconds:F2} s for {result.Handles} handles ({result.Handles / run.Elapsed.TotalSeconds:F0} handles/s, "
            + $"{run.Elapsed.TotalMilliseconds / result.Handles:F2} ms each), {result.Observed} observations, {result.Failed} unreadable; "
            + $"{(double)requests / result.Handles:F2} requests per handle ({string.Join(", ", esplora.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))})");
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await pg.StopAsync();
    try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
}

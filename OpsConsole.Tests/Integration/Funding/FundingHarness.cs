using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Alerts.Ingest;
using OpsConsole.Features.Funding;
using OpsConsole.Features.Funding.Simulation;
using OpsConsole.Features.Funding.State;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>
/// Funding wired as the app wires it, on a test database with a fake clock and no scheduler: a test polls itself. The
/// chains are the simulated ones by default, or Esplora and Gnosis JSON-RPC at the URLs a test gives (replay servers).
/// </summary>
public sealed class FundingHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    readonly DatabaseFixture fixture;
    readonly ServiceProvider provider;

    /// <param name="configure">Changes to the wiring after the app's own, such as a reader a test holds.</param>
    public FundingHarness(DatabaseFixture fixture, Uri? esplora = null, Uri? gnosisRpc = null, Action<IServiceCollection>? configure = null)
    {
        this.fixture = fixture;
        var settings = new Dictionary<string, string?>();
        if (esplora is not null)
            (settings["Bitcoin:Mode"], settings["Bitcoin:EsploraUrl"]) = ("Esplora", esplora.ToString());
        if (gnosisRpc is not null)
            (settings["Gnosis:Mode"], settings["Gnosis:RpcUrl"]) = ("Rpc", gnosisRpc.ToString());
        var (services, config) = TestHost.Core(fixture.ConnectionString, Clock, settings);
        services.AddLogging().AddFunding(config);
        services.TryAddSingleton<IngestStore>();
        configure?.Invoke(services);
        provider = TestHost.Build(services);
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public IServiceProvider Services => provider;
    public FundingObserver Observer => provider.GetRequiredService<FundingObserver>();
    public SimulatedBitcoinChain Chain => provider.GetRequiredService<SimulatedBitcoinChain>();
    public SimulatedGnosisChain Gnosis => provider.GetRequiredService<SimulatedGnosisChain>();
    public FundingStateQuery State => provider.GetRequiredService<FundingStateQuery>();

    /// <summary>Stores an active handle for the address (BTC on Bitcoin unless told) and returns its id.</summary>
    public Task<Guid> HandleAsync(string address, string account = "treasury-btc", string chain = FundingAssets.Bitcoin) =>
        StoreHandleAsync(fixture, address, Clock.GetUtcNow(), account, chain);

    /// <summary>Stores an active handle for the address (BTC on Bitcoin unless told), created at <paramref name="now"/>, and returns its id.</summary>
    public static async Task<Guid> StoreHandleAsync(DatabaseFixture fixture, string address, DateTimeOffset now, string account = "treasury-btc",
        string chain = FundingAssets.Bitcoin)
    {
        await using var db = fixture.CreateContext();
        var handle = new FundingHandle
        {
            Id = Guid.NewGuid(),
            Chain = chain,
            Asset = FundingAssets.AssetOf(chain),
            Account = account,
            DepositAddress = address,
            Label = $"Intake {address[^6..]}",
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = "test",
        };
        db.FundingHandles.Add(handle);
        await db.SaveChangesAsync();
        return handle.Id;
    }

    /// <summary>The bridge credits the deposit, as its feed does.</summary>
    public Task CreditAsync(string txHash, decimal amount, string asset = FundingAssets.Btc, string account = "treasury-btc") =>
        provider.GetRequiredService<BridgeDepositStore>()
            .StoreAsync([new BridgeDeposit(asset, amount, txHash, Clock.GetUtcNow(), account)], "bridge", CancellationToken.None);

    /// <summary>The observations of the handle, oldest first.</summary>
    public async Task<List<FundingObservation>> ObservationsAsync(Guid handle)
    {
        await using var db = fixture.CreateContext();
        return await db.FundingObservations.AsNoTracking().Where(o => o.FundingHandle == handle).OrderBy(o => o.FundingObservationId).ToListAsync();
    }

    public async Task<FundingObserverHealth?> HealthAsync(Guid handle)
    {
        await using var db = fixture.CreateContext();
        return await db.FundingObserverHealth.AsNoTracking().SingleOrDefaultAsync(h => h.FundingHandle == handle);
    }

    public void NextBlock(int blocks = 1) => Clock.Advance(SimulatedBitcoinChain.BlockEvery * blocks);

    public void NextGnosisBlock(int blocks = 1) => Clock.Advance(SimulatedGnosisChain.BlockEvery * blocks);

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}

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
/// chain is the simulated one by default, or Esplora at the URL a test gives (a replay server).
/// </summary>
public sealed class FundingHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    readonly DatabaseFixture fixture;
    readonly ServiceProvider provider;

    public FundingHarness(DatabaseFixture fixture, Uri? esplora = null)
    {
        this.fixture = fixture;
        var settings = new Dictionary<string, string?>();
        if (esplora is not null)
            (settings["Bitcoin:Mode"], settings["Bitcoin:EsploraUrl"]) = ("Esplora", esplora.ToString());
        var (services, config) = TestHost.Core(fixture.ConnectionString, Clock, settings);
        services.AddLogging().AddFunding(config);
        services.TryAddSingleton<IngestStore>();
        provider = TestHost.Build(services);
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public IServiceProvider Services => provider;
    public FundingObserver Observer => provider.GetRequiredService<FundingObserver>();
    public SimulatedBitcoinChain Chain => provider.GetRequiredService<SimulatedBitcoinChain>();
    public FundingStateQuery State => provider.GetRequiredService<FundingStateQuery>();

    /// <summary>Stores an active BTC handle for the address and returns its id.</summary>
    public Task<Guid> HandleAsync(string address, string account = "treasury-btc") => StoreHandleAsync(fixture, address, Clock.GetUtcNow(), account);

    /// <summary>Stores an active BTC handle for the address, created at <paramref name="now"/>, and returns its id.</summary>
    public static async Task<Guid> StoreHandleAsync(DatabaseFixture fixture, string address, DateTimeOffset now, string account = "treasury-btc")
    {
        await using var db = fixture.CreateContext();
        var handle = new FundingHandle
        {
            Id = Guid.NewGuid(),
            Chain = FundingAssets.Bitcoin,
            Asset = FundingAssets.Btc,
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
    public Task CreditAsync(string txHash, decimal amount) => provider.GetRequiredService<BridgeDepositStore>()
        .StoreAsync([new BridgeDeposit(FundingAssets.Btc, amount, txHash, Clock.GetUtcNow(), "treasury-btc")], "bridge", CancellationToken.None);

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

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}

using Microsoft.Extensions.Options;
using OpsConsole.Domain.Bitcoin;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Funding.Simulation;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Funding;

/// <summary>
/// Demo mode only: a BTC handle on the demo's test network (none on mainnet, where no made-up address belongs) and a
/// Gnosis EURe handle, stored through the same path an Admin's handles take, each with its audit event; on the simulated
/// chains, two payments to the BTC handle and one EURe deposit to the EURe handle, which the observer then follows (and
/// the <see cref="DemoBridge"/> credits the BTC ones, all but <see cref="NeverCreditedPayment"/>). Runs once: never over
/// existing handles.
/// </summary>
public sealed class FundingDemoSeed(FundingHandles handles, IOptions<BitcoinSettings> bitcoin, SimulatedBitcoinChain? chain = null,
    SimulatedGnosisChain? gnosis = null) : IDemoSeed
{
    static readonly string Actor = AuditEntry.System("demo-seed");

    /// <summary>Test-network P2WPKH addresses from the shared address vectors; nobody holds their keys.</summary>
    static string? BtcAddress(BitcoinNetwork network) => network switch
    {
        BitcoinNetwork.Regtest => "bcrt1qeg4dwju68dd5pw4qxj0p4na2afr8weducqfejv",
        BitcoinNetwork.Testnet => "tb1qq0wvuz8nl2ct2n99wu2j46rg77wwnyc5ghrkc2",
        _ => null,
    };

    /// <summary>The demo's own address: the last 20 bytes of SHA-256("opsconsole demo: treasury EURe intake") with their
    /// EIP-55 checksum. It is a hash, not a key's, so nobody can spend from it: a demo handle, never one to send to.</summary>
    public const string EureAddress = "0x0d295Db3Be7254c28424f839A270421C101feEDf";

    /// <summary>What the demo sends to its BTC handle on the simulated chain, in satoshis.</summary>
    public static IReadOnlyList<long> DemoPayments { get; } = [50_000_000, 12_500_000];

    /// <summary>What the demo sends to its EURe handle on the simulated Gnosis chain.</summary>
    public const decimal DemoEurePayment = 2_500m;

    /// <summary>The payment the demo's bridge never credits, so that a credit stays pending for all to see.</summary>
    public static long NeverCreditedPayment => DemoPayments[^1];

    /// <summary>The account of the demo's BTC handle.</summary>
    public const string BtcAccount = "treasury-btc";

    /// <summary>The account of the demo's EURe handle.</summary>
    public const string EureAccount = "treasury-eure";

    int IDemoSeed.Order => 160;

    Task IDemoSeed.SeedAsync(CancellationToken ct) => SeedAsync(ct);

    /// <summary>Stores the demo handles unless any handle exists; returns how many were stored.</summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        if ((await handles.ListAsync(ct)).Count > 0)
            return 0;
        List<FundingHandleInput> seeds = [new(FundingAssets.Gnosis, FundingAssets.Eure, EureAccount, EureAddress, "Treasury EURe intake (demo)")];
        if (BtcAddress(bitcoin.Value.Network) is { } btc)
            seeds.Insert(0, new(FundingAssets.Bitcoin, FundingAssets.Btc, BtcAccount, btc, "Treasury BTC intake (demo)"));
        foreach (var seed in seeds)
            if (await handles.AddAsync(Actor, seed, ct) is { Succeeded: false } result)
                throw new InvalidOperationException($"Seeding a funding handle failed: {string.Join(" ", result.Errors.Select(e => e.Message))}");
        if (chain is not null && BtcAddress(bitcoin.Value.Network) is { } paid)
            foreach (var satoshis in DemoPayments)
                chain.Pay(paid, satoshis);
        gnosis?.Pay(EureAddress, DemoEurePayment);
        return seeds.Count;
    }
}

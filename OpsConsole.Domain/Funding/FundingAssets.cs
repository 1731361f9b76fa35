namespace OpsConsole.Domain.Funding;

/// <summary>The chains and assets the treasury is funded in, as the API and the tables spell them, and which asset lives on which chain.</summary>
public static class FundingAssets
{
    public const string Bitcoin = "bitcoin";
    public const string Gnosis = "gnosis";
    public const string Btc = "BTC";
    public const string Eure = "EURe";

    /// <summary>Satoshis in one BTC: Esplora counts in satoshis, the console in BTC.</summary>
    public const decimal SatoshisPerBtc = 100_000_000m;

    public static IReadOnlyList<string> Chains { get; } = [Bitcoin, Gnosis];

    public static IReadOnlyList<string> Assets { get; } = [Btc, Eure];

    /// <summary>The one asset a chain's handles receive.</summary>
    public static string AssetOf(string chain) => chain == Bitcoin ? Btc : Eure;
}

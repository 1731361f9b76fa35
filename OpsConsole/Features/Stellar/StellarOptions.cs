using OpsConsole.Domain.Stellar;

namespace OpsConsole.Features.Stellar;

/// <summary>The Stellar settings. <see cref="IssuerSeed"/> is the one secret: it is read here, turned into a signer, and
/// never logged, shown, stored or sent.</summary>
public sealed class StellarOptions
{
    public const string Section = "Stellar";

    public StellarMode Mode { get; set; } = StellarMode.Simulated;
    /// <summary>In Simulated mode, the API the in-process network answers in.</summary>
    public SimulatedApi SimulatedApi { get; set; } = SimulatedApi.Rpc;
    public string RpcUrl { get; set; } = "";
    public string HorizonUrl { get; set; } = "";
    public string NetworkPassphrase { get; set; } = StellarNetwork.TestnetPassphrase;
    public string IssuerSeed { get; set; } = "";
    public TimeSpan SubmitWindow { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How many approved requests one pass submits at most.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>What is wrong with the settings, naming each setting and never the seed's text.</summary>
    public IEnumerable<string> Problems()
    {
        if (Mode == StellarMode.Rpc && !IsHttp(RpcUrl))
            yield return $"{Section}:RpcUrl must be an absolute http or https URL when {Section}:Mode is Rpc";
        if (Mode == StellarMode.Horizon && !IsHttp(HorizonUrl))
            yield return $"{Section}:HorizonUrl must be an absolute http or https URL when {Section}:Mode is Horizon";
        if (string.IsNullOrWhiteSpace(NetworkPassphrase))
            yield return $"{Section}:NetworkPassphrase must not be empty";
        if (IssuerSeed.Length > 0 && StrKey.CheckSeed(IssuerSeed) is var fault and not StrKeyFault.None)
            yield return $"{Section}:IssuerSeed is not a Stellar secret seed (S…): {fault}";
        if (Mode != StellarMode.Simulated && IssuerSeed.Length == 0)
            yield return $"{Section}:IssuerSeed must be set when {Section}:Mode is {Mode}";
        if (SubmitWindow <= TimeSpan.Zero || SubmitWindow > TimeSpan.FromHours(24))
            yield return $"{Section}:SubmitWindow must be a time span above 0 and at most 1.00:00:00";
        if (ReconcileInterval <= TimeSpan.Zero)
            yield return $"{Section}:ReconcileInterval must be a positive time span";
        if (BatchSize is < 1 or > 1000)
            yield return $"{Section}:BatchSize must be a whole number from 1 to 1000";
    }

    static bool IsHttp(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    // The seed never reaches a log through a dump of these options.
    public override string ToString() => $"Stellar {Mode}";
}

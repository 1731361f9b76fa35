using OpsConsole.Domain.Funding;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Funding.Gnosis;

/// <summary>The settings under <c>Gnosis</c>: the chain the observer reads for EURe handles (Simulated, or JSON-RPC at
/// RpcUrl), the EURe token contract whose Transfer events are deposits, the confirmations that make a transfer confirmed,
/// and how far back a handle never read before is searched. The observer polls on Bitcoin:PollInterval for both chains.</summary>
public sealed class GnosisSettings : ICheckedSettings
{
    public const string Section = "Gnosis";

    /// <summary>Monerium's EURe on Gnosis chain (the v2 token; the legacy v1 token 0xcB444e90D8198415266c6a2724b7900fb12FC56E
    /// shares its balances).</summary>
    public const string MoneriumEure = "0x420CA0f9B9b604cE0fd9C18EF134C705e5Fa3430";

    /// <summary>A day of Gnosis's 5-second blocks.</summary>
    public const int DayOfBlocks = 17_280;

    public GnosisMode Mode { get; private set; } = GnosisMode.Simulated;
    public string RpcUrl { get; private set; } = "";
    public string EureContract { get; private set; } = MoneriumEure;
    /// <summary>12 blocks is a minute; Gnosis finalizes after about two epochs (32 blocks): raise it to wait for finality.</summary>
    public int RequiredConfirmations { get; private set; } = 12;
    public int LookbackBlocks { get; private set; } = DayOfBlocks;

    public List<string> Problems { get; } = [];

    public void Read(IConfiguration config)
    {
        if (ModeOf(config) is { } mode)
            Mode = mode;
        else
            Problems.Add($"{Section}:{nameof(Mode)} must be Rpc or Simulated, not '{config[$"{Section}:{nameof(Mode)}"]}'");
        RpcUrl = config[$"{Section}:{nameof(RpcUrl)}"]?.Trim() ?? "";
        if (Mode == GnosisMode.Rpc && !(Uri.TryCreate(RpcUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            Problems.Add($"{Section}:{nameof(RpcUrl)} must be an absolute http or https URL when {Section}:{nameof(Mode)} is Rpc, not '{RpcUrl}'");
        // A forgotten mode must not let the simulation stand for the real chain's deposits.
        if (Mode == GnosisMode.Simulated && RpcUrl.Length > 0)
            Problems.Add($"{Section}:{nameof(RpcUrl)} is set while {Section}:{nameof(Mode)} is Simulated; set {Section}:{nameof(Mode)} to Rpc to read it");
        if (config[$"{Section}:{nameof(EureContract)}"]?.Trim() is { Length: > 0 } contract)
        {
            if (GnosisAddress.Problem(contract) is { } problem)
                Problems.Add($"{Section}:{nameof(EureContract)} '{contract}' is not a checksummed Gnosis address: {problem}");
            else
                EureContract = contract;
        }
        RequiredConfirmations = CheckedSettings.PositiveWhole(config, $"{Section}:{nameof(RequiredConfirmations)}", RequiredConfirmations, Problems);
        LookbackBlocks = CheckedSettings.PositiveWhole(config, $"{Section}:{nameof(LookbackBlocks)}", LookbackBlocks, Problems);
    }

    /// <summary>The mode the setting names (Simulated when absent), or null for a value that is neither mode; read where the
    /// client is registered too, before the settings are checked.</summary>
    public static GnosisMode? ModeOf(IConfiguration config) => CheckedSettings.Named(config, $"{Section}:{nameof(Mode)}", GnosisMode.Simulated);
}

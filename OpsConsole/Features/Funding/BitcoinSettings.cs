using OpsConsole.Domain.Bitcoin;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Funding;

/// <summary>The settings under <c>Bitcoin</c>: the network whose addresses the handles hold (regtest by default, beside
/// the simulated chain of the demo), the chain the observer reads (Simulated, or Esplora at EsploraUrl), the
/// confirmations that make a transfer confirmed, and how often the observer polls.</summary>
public sealed class BitcoinSettings : ICheckedSettings
{
    public const string Section = "Bitcoin";

    public BitcoinNetwork Network { get; private set; } = BitcoinNetwork.Regtest;
    public BitcoinMode Mode { get; private set; } = BitcoinMode.Simulated;
    public string EsploraUrl { get; private set; } = "";
    public int RequiredConfirmations { get; private set; } = 6;
    public TimeSpan PollInterval { get; private set; } = TimeSpan.FromSeconds(30);

    public JobSchedule PollSchedule => JobSchedule.Every(PollInterval);

    public List<string> Problems { get; } = [];

    public void Read(IConfiguration config)
    {
        var text = config[$"{Section}:{nameof(Network)}"];
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (BitcoinNetworks.TryParse(text.Trim(), out var network))
                Network = network;
            else
                Problems.Add($"{Section}:{nameof(Network)} must be mainnet, testnet or regtest, not '{text}'");
        }
        if (ModeOf(config) is { } mode)
            Mode = mode;
        else
            Problems.Add($"{Section}:{nameof(Mode)} must be Esplora or Simulated, not '{config[$"{Section}:{nameof(Mode)}"]}'");
        // A forgotten mode must not let the simulation stand for the real chain's deposits.
        if (Mode == BitcoinMode.Simulated && Network == BitcoinNetwork.Mainnet)
            Problems.Add($"{Section}:{nameof(Mode)} is Simulated while {Section}:{nameof(Network)} is mainnet; set {Section}:{nameof(Mode)} to Esplora with {Section}:{nameof(EsploraUrl)}");
        EsploraUrl = config[$"{Section}:{nameof(EsploraUrl)}"]?.Trim() ?? "";
        if (Mode == BitcoinMode.Esplora && !(Uri.TryCreate(EsploraUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            Problems.Add($"{Section}:{nameof(EsploraUrl)} must be an absolute http or https URL when {Section}:{nameof(Mode)} is Esplora, not '{EsploraUrl}'");
        RequiredConfirmations = CheckedSettings.PositiveWhole(config, $"{Section}:{nameof(RequiredConfirmations)}", RequiredConfirmations, Problems);
        PollInterval = CheckedSettings.PositiveTime(config, $"{Section}:{nameof(PollInterval)}", PollInterval, Problems);
    }

    /// <summary>The mode the setting names (Simulated when absent), or null for a value that is neither mode; read where the
    /// clients are registered too, before the settings are checked.</summary>
    public static BitcoinMode? ModeOf(IConfiguration config) => CheckedSettings.Named(config, $"{Section}:{nameof(Mode)}", BitcoinMode.Simulated);
}

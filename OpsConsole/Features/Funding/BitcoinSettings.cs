using OpsConsole.Domain.Bitcoin;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Funding;

/// <summary>The settings under <c>Bitcoin</c>: the network whose addresses the handles hold (mainnet, testnet or regtest;
/// regtest by default, beside the simulated chain of the demo).</summary>
public sealed class BitcoinSettings : ICheckedSettings
{
    public const string Section = "Bitcoin";

    public BitcoinNetwork Network { get; private set; } = BitcoinNetwork.Regtest;

    public List<string> Problems { get; } = [];

    public void Read(IConfiguration config)
    {
        var text = config[$"{Section}:{nameof(Network)}"];
        if (string.IsNullOrWhiteSpace(text))
            return;
        if (BitcoinNetworks.TryParse(text.Trim(), out var network))
            Network = network;
        else
            Problems.Add($"{Section}:{nameof(Network)} must be mainnet, testnet or regtest, not '{text}'");
    }
}

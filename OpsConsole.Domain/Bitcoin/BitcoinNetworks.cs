using NBitcoin;

namespace OpsConsole.Domain.Bitcoin;

/// <summary>What each network's addresses start with: bech32 human-readable part and base58 version bytes.</summary>
public static class BitcoinNetworks
{
    public static Network Of(BitcoinNetwork network) => network switch
    {
        BitcoinNetwork.Mainnet => Network.Main,
        BitcoinNetwork.Testnet => Network.TestNet,
        _ => Network.RegTest,
    };

    public static string Hrp(BitcoinNetwork network) => network switch
    {
        BitcoinNetwork.Mainnet => "bc",
        BitcoinNetwork.Testnet => "tb",
        _ => "bcrt",
    };

    /// <summary>The network a human-readable part belongs to, if any.</summary>
    public static BitcoinNetwork? ByHrp(string hrp) =>
        Enum.GetValues<BitcoinNetwork>().Cast<BitcoinNetwork?>().FirstOrDefault(n => Hrp(n!.Value) == hrp);

    /// <summary>Base58 version bytes: (P2PKH, P2SH). Testnet and regtest share theirs.</summary>
    public static (byte PubKeyHash, byte ScriptHash) Versions(BitcoinNetwork network) =>
        network == BitcoinNetwork.Mainnet ? ((byte)0x00, (byte)0x05) : ((byte)0x6f, (byte)0xc4);

    /// <summary>Parses the setting's value: mainnet, testnet or regtest, in any case.</summary>
    public static bool TryParse(string? text, out BitcoinNetwork network) =>
        Enum.TryParse(text, ignoreCase: true, out network) && Enum.IsDefined(network) && !int.TryParse(text, out _);

    public static string Name(BitcoinNetwork network) => network.ToString().ToLowerInvariant();
}

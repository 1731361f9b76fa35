using NBitcoin;

namespace OpsConsole.Domain.Bitcoin;

/// <summary>
/// Whether a P2TR output can ever be spent: its 32-byte program must be an x-only secp256k1 point (BIP-341). BIP-350
/// encodes any 32 bytes, so the codec accepts such an address; only a key on the curve can sign for it. NBitcoin checks.
/// </summary>
public static class TaprootOutputKey
{
    /// <summary>True when <paramref name="scriptPubKeyHex"/> is <c>OP_1 &lt;32 bytes&gt;</c> and those bytes are a valid x-only key.</summary>
    public static bool IsSpendable(string scriptPubKeyHex)
    {
        var script = Convert.FromHexString(scriptPubKeyHex);
        return script is [0x51, 0x20, ..] && script.Length == 34 && TaprootPubKey.TryCreate(script[2..], out _);
    }
}

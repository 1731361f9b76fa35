using System.Text;
using NBitcoin;
using NBitcoin.DataEncoders;

namespace OpsConsole.Domain.Bitcoin;

/// <summary>
/// Checks a deposit address for the console's network and names its type. NBitcoin's encoders decode base58check and
/// bech32/bech32m and its address types write the base58 output scripts; the rules between (BIP-173, BIP-350, the networks'
/// version bytes and prefixes) are checked one by one here, so that each refusal says which one failed.
/// </summary>
public static class BitcoinAddressCodec
{
    const int MaxBech32Length = 90;
    const string Bech32Alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static BitcoinAddressCheck Check(string? address, BitcoinNetwork network)
    {
        var text = address?.Trim() ?? "";
        if (text.Length == 0)
            return BitcoinAddressCheck.Refused(text, BitcoinAddressProblem.Empty, "The address is empty.");
        return SegwitHrp(text) is { } hrp ? CheckBech32(text, hrp, network) : CheckBase58(text, network);
    }

    /// <summary>The human-readable part when the text reads as bech32: a Bitcoin prefix, or characters base58 never uses.</summary>
    static string? SegwitHrp(string text)
    {
        var separator = text.LastIndexOf('1');
        if (separator < 1)
            return null;
        var hrp = text[..separator].ToLowerInvariant();
        var looksSegwit = BitcoinNetworks.ByHrp(hrp) is not null || text.Any(c => !Base58Alphabet.Contains(c));
        return looksSegwit ? hrp : null;
    }

    static BitcoinAddressCheck CheckBech32(string text, string hrp, BitcoinNetwork network)
    {
        BitcoinAddressCheck Refuse(BitcoinAddressProblem problem, string reason) => BitcoinAddressCheck.Refused(text, problem, reason);

        if (text.Any(char.IsUpper) && text.Any(char.IsLower))
            return Refuse(BitcoinAddressProblem.MixedCase, "A bech32 address is written all in lower case or all in upper case, never both.");
        if (text.Length > MaxBech32Length)
            return Refuse(BitcoinAddressProblem.BadLength, $"A bech32 address has at most {MaxBech32Length} characters; this one has {text.Length}.");
        if (BitcoinNetworks.ByHrp(hrp) is not { } owner)
            return Refuse(BitcoinAddressProblem.UnknownFormat, $"'{hrp}1…' is not a Bitcoin address: its prefix is none of bc, tb or bcrt.");
        if (owner != network)
            return Refuse(BitcoinAddressProblem.WrongNetwork,
                $"This is a {BitcoinNetworks.Name(owner)} address (its prefix is {hrp}); the console is on {BitcoinNetworks.Name(network)}.");

        var lower = text.ToLowerInvariant();
        var data = lower[(hrp.Length + 1)..];
        if (data.FirstOrDefault(c => !Bech32Alphabet.Contains(c)) is var bad && bad != default)
            return Refuse(BitcoinAddressProblem.BadCharacter, $"'{bad}' is not a bech32 character.");
        if (data.Length <= 6)
            return Refuse(BitcoinAddressProblem.BadLength, "The address has no witness version or program, only a checksum.");

        byte[] values;
        Bech32EncodingType encoding;
        try
        {
            values = new Bech32Encoder(Encoding.ASCII.GetBytes(hrp)).DecodeDataRaw(lower, out encoding);
        }
        catch (FormatException)
        {
            return Refuse(BitcoinAddressProblem.BadChecksum, "The bech32 checksum does not match: a character is mistyped or missing.");
        }

        var version = values[0];
        if (version > 16)
            return Refuse(BitcoinAddressProblem.UnknownVersion, $"Witness version {version} does not exist; versions run from 0 to 16.");
        var wanted = version == 0 ? Bech32EncodingType.BECH32 : Bech32EncodingType.BECH32M;
        if (encoding != wanted)
            return Refuse(BitcoinAddressProblem.ChecksumVariant, version == 0
                ? "Witness version 0 is encoded with bech32 (BIP-173), but this address carries a bech32m checksum."
                : $"Witness version {version} is encoded with bech32m (BIP-350), but this address carries a bech32 checksum.");

        var bits = (values.Length - 1) * 5;
        if (bits % 8 > 4)
            return Refuse(BitcoinAddressProblem.BadPadding, "The witness program ends in more than 4 bits of padding.");
        if (bits % 8 > 0 && (values[^1] & ((1 << (bits % 8)) - 1)) != 0)
            return Refuse(BitcoinAddressProblem.BadPadding, "The witness program's padding bits are not zero.");
        var length = bits / 8;
        if (length is < 2 or > 40)
            return Refuse(BitcoinAddressProblem.BadLength, $"A witness program has 2 to 40 bytes; this one has {length}.");
        if (version == 0 && length is not (20 or 32))
            return Refuse(BitcoinAddressProblem.BadLength, $"A witness version 0 program has 20 bytes (P2WPKH) or 32 (P2WSH); this one has {length}.");
        if (version > 1 || length != 32 && version == 1)
            return Refuse(BitcoinAddressProblem.Unsupported,
                $"A witness version {version} program of {length} bytes is valid segwit but no output the console accepts (P2WPKH, P2WSH, P2TR).");

        // The output script is the version's opcode and the program. NBitcoin's own address types are not asked: its
        // Taproot address also requires the key to lie on the curve, which BIP-350 (and the shared vectors) do not.
        var program = new Bech32Encoder(Encoding.ASCII.GetBytes(hrp)).Decode(lower, out _);
        var script = new Script(version == 0 ? OpcodeType.OP_0 : OpcodeType.OP_1, Op.GetPushOp(program));
        var type = (version, length) switch
        {
            (0, 20) => BitcoinAddressType.P2WPKH,
            (0, _) => BitcoinAddressType.P2WSH,
            _ => BitcoinAddressType.P2TR,
        };
        return BitcoinAddressCheck.Valid(lower, type, script.ToHex());
    }

    static BitcoinAddressCheck CheckBase58(string text, BitcoinNetwork network)
    {
        BitcoinAddressCheck Refuse(BitcoinAddressProblem problem, string reason) => BitcoinAddressCheck.Refused(text, problem, reason);

        if (text.FirstOrDefault(c => !Base58Alphabet.Contains(c)) is var bad && bad != default)
            return Refuse(BitcoinAddressProblem.BadCharacter, $"'{bad}' is not a base58 character (0, O, I and l are never used).");
        var bytes = Encoders.Base58.DecodeData(text);
        if (bytes.Length != 25)
            return Refuse(BitcoinAddressProblem.BadLength, $"A base58 address holds 25 bytes (version, 20-byte hash, checksum); this one holds {bytes.Length}.");
        try
        {
            Encoders.Base58Check.DecodeData(text);
        }
        catch (FormatException)
        {
            return Refuse(BitcoinAddressProblem.BadChecksum, "The base58check checksum does not match: a character is mistyped.");
        }

        var version = bytes[0];
        if (IsVersionOf(version, network))
            return Accept(text, network);
        if (IsVersionOf(version, BitcoinNetwork.Mainnet) || IsVersionOf(version, BitcoinNetwork.Testnet))
            return Refuse(BitcoinAddressProblem.WrongNetwork, $"This is a {(IsVersionOf(version, BitcoinNetwork.Mainnet) ? "mainnet" : "testnet or regtest")} "
                + $"address (its version byte is 0x{version:x2}); the console is on {BitcoinNetworks.Name(network)}.");
        return Refuse(BitcoinAddressProblem.UnknownVersion, $"Version byte 0x{version:x2} is not a Bitcoin P2PKH or P2SH address.");
    }

    static bool IsVersionOf(byte version, BitcoinNetwork network) =>
        BitcoinNetworks.Versions(network) is var v && (version == v.PubKeyHash || version == v.ScriptHash);

    /// <summary>Every base58 rule held; NBitcoin has the last word and writes the output script.</summary>
    static BitcoinAddressCheck Accept(string text, BitcoinNetwork network)
    {
        BitcoinAddress parsed;
        try
        {
            parsed = BitcoinAddress.Create(text, BitcoinNetworks.Of(network));
        }
        catch (FormatException ex)
        {
            return BitcoinAddressCheck.Refused(text, BitcoinAddressProblem.UnknownFormat, $"The address is not valid: {ex.Message}");
        }
        BitcoinAddressType? type = parsed switch
        {
            BitcoinPubKeyAddress => BitcoinAddressType.P2PKH,
            BitcoinScriptAddress => BitcoinAddressType.P2SH,
            _ => null,
        };
        return type is { } known
            ? BitcoinAddressCheck.Valid(text, known, parsed.ScriptPubKey.ToHex())
            : BitcoinAddressCheck.Refused(text, BitcoinAddressProblem.Unsupported, "The address is valid but names no output the console accepts.");
    }
}

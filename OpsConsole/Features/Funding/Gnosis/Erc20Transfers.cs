using System.Numerics;
using Nethereum.ABI.Encoders;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace OpsConsole.Features.Funding.Gnosis;

/// <summary>
/// The ERC-20 Transfer event as eth_getLogs filters and answers it: its topic0 (the Keccak-256 of its signature), an
/// address as an indexed topic (left-padded to 32 bytes), and an amount of EURe (18 decimals) to and from its uint256.
/// Nethereum hashes, pads and converts.
/// </summary>
public static class Erc20Transfers
{
    public const string Signature = "Transfer(address,address,uint256)";

    /// <summary>EURe, like most ERC-20 tokens, counts in 10^-18 of a euro.</summary>
    public const int Decimals = 18;

    public static string Topic { get; } = "0x" + Sha3Keccack.Current.CalculateHash(Signature);

    /// <summary>The address as an indexed topic: 0x and 64 lower-case hex digits.</summary>
    public static string AddressTopic(string address) => new AddressTypeEncoder().Encode(address).ToHex(prefix: true);

    /// <summary>The token's smallest units in EURe.</summary>
    public static decimal Amount(BigInteger units) => UnitConversion.Convert.FromWei(units, Decimals);

    /// <summary>EURe in the token's smallest units.</summary>
    public static BigInteger Units(decimal amount) => UnitConversion.Convert.ToWei(amount, Decimals);
}

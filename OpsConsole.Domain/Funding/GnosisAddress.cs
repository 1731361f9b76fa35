using System.Text.RegularExpressions;
using Nethereum.Util;

namespace OpsConsole.Domain.Funding;

/// <summary>
/// An address on Gnosis (an Ethereum chain): 0x and 40 hex digits, written with its EIP-55 checksum in the capitals, so
/// that a mistyped digit is caught before funds are sent to it. Nethereum computes the checksum.
/// </summary>
public static partial class GnosisAddress
{
    /// <summary>Null when the address is valid and checksummed; else why not.</summary>
    public static string? Problem(string? address)
    {
        var text = address?.Trim() ?? "";
        if (text.Length == 0)
            return "The address is empty.";
        if (!text.StartsWith("0x", StringComparison.Ordinal))
            return "A Gnosis address starts with 0x.";
        if (!Hex40().IsMatch(text))
            return $"A Gnosis address is 0x and 40 hexadecimal digits; this one has {text.Length - 2} characters after 0x"
                + (text[2..].All(Uri.IsHexDigit) ? "." : ", not all of them hexadecimal.");
        if (!AddressUtil.Current.IsChecksumAddress(text))
            return text[2..].Any(char.IsUpper)
                ? "The capital letters do not match the EIP-55 checksum: a character is mistyped."
                : "Write the address with its EIP-55 checksum (mixed capitals, as a wallet shows it), so a mistyped character is caught.";
        return null;
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex Hex40();
}

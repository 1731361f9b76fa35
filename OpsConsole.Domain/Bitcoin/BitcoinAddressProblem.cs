namespace OpsConsole.Domain.Bitcoin;

/// <summary>Why an address was refused, as a kind a caller can act on; the check's reason says it in words.</summary>
public enum BitcoinAddressProblem
{
    Empty,
    /// <summary>Neither base58check nor bech32 with a Bitcoin human-readable part.</summary>
    UnknownFormat,
    /// <summary>A character outside the encoding's alphabet.</summary>
    BadCharacter,
    /// <summary>Bech32 in upper and lower case at once.</summary>
    MixedCase,
    /// <summary>Too long, too short, or a program or payload of a size its kind never has.</summary>
    BadLength,
    BadChecksum,
    /// <summary>Witness version 0 with a bech32m checksum, or version 1 and later with a bech32 one.</summary>
    ChecksumVariant,
    /// <summary>A valid address of another Bitcoin network.</summary>
    WrongNetwork,
    /// <summary>A witness version above 16, or a version byte no network uses.</summary>
    UnknownVersion,
    /// <summary>More than 4 bits of padding, or padding that is not zero, in the bech32 data.</summary>
    BadPadding,
    /// <summary>A valid segwit address of a version or size the console does not accept (not P2WPKH, P2WSH or P2TR).</summary>
    Unsupported,
}

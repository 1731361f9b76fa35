namespace OpsConsole.Domain.Stellar;

/// <summary>Why a text is not a StrKey of the kind expected; checked in this order.</summary>
public enum StrKeyFault
{
    None,
    /// <summary>Not 56 characters (a 32-byte key with its version byte and checksum).</summary>
    Length,
    /// <summary>A character outside the RFC 4648 base32 alphabet (A–Z, 2–7; upper case, no padding).</summary>
    Base32,
    /// <summary>The version byte names another kind of key (a seed where an account id is expected, or the reverse).</summary>
    Version,
    /// <summary>The CRC16-XModem checksum does not match the version byte and key.</summary>
    Checksum,
}

using SimpleBase;

namespace OpsConsole.Domain.Stellar;

/// <summary>Stellar's StrKey (SEP-23) for account ids (G…) and secret seeds (S…): version byte, 32-byte key,
/// CRC16-XModem of both (low byte first), base32 without padding.</summary>
public static class StrKey
{
    public const byte AccountIdVersion = 6 << 3;
    public const byte SeedVersion = 18 << 3;
    const int KeyLength = 32;
    const int EncodedLength = 56;

    public static string EncodeAccountId(ReadOnlySpan<byte> publicKey) => Encode(AccountIdVersion, publicKey);

    public static string EncodeSeed(ReadOnlySpan<byte> seed) => Encode(SeedVersion, seed);

    public static byte[] DecodeAccountId(string accountId) => Decode(AccountIdVersion, accountId)
        ?? throw new FormatException("Not a valid Stellar account id (G…).");

    public static byte[] DecodeSeed(string seed) => Decode(SeedVersion, seed)
        ?? throw new FormatException("Not a valid Stellar secret seed (S…).");

    public static bool IsValidAccountId(string? value) => Decode(AccountIdVersion, value) is not null;

    public static bool IsValidSeed(string? value) => Decode(SeedVersion, value) is not null;

    static string Encode(byte version, ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength)
            throw new ArgumentException($"A Stellar key is {KeyLength} bytes, not {key.Length}.", nameof(key));
        Span<byte> data = stackalloc byte[1 + KeyLength + 2];
        data[0] = version;
        key.CopyTo(data[1..]);
        var crc = Crc16XModem(data[..(1 + KeyLength)]);
        data[^2] = (byte)crc;
        data[^1] = (byte)(crc >> 8);
        return Base32.Rfc4648.Encode(data, padding: false);
    }

    /// <summary>The key, or null when the text is not a StrKey of that version.</summary>
    static byte[]? Decode(byte version, string? text)
    {
        // 56 characters carry exactly 35 bytes, so a strict alphabet check leaves no non-canonical spellings.
        if (text is null || text.Length != EncodedLength || !text.All(c => c is >= 'A' and <= 'Z' or >= '2' and <= '7'))
            return null;
        var data = Base32.Rfc4648.Decode(text);
        if (data.Length != 1 + KeyLength + 2 || data[0] != version)
            return null;
        var crc = Crc16XModem(data.AsSpan(0, 1 + KeyLength));
        if (data[^2] != (byte)crc || data[^1] != (byte)(crc >> 8))
            return null;
        return data[1..(1 + KeyLength)];
    }

    public static ushort Crc16XModem(ReadOnlySpan<byte> bytes)
    {
        ushort crc = 0;
        foreach (var b in bytes)
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return crc;
    }
}

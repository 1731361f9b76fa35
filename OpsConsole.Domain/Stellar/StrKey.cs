using System.Security.Cryptography;
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

    /// <summary>The 32-byte public key; a <see cref="StrKeyException"/> naming the fault otherwise.</summary>
    public static byte[] DecodeAccountId(string? accountId) => DecodeOrThrow(AccountIdVersion, accountId);

    /// <summary>The 32-byte seed; a <see cref="StrKeyException"/> naming the fault otherwise (never the text).</summary>
    public static byte[] DecodeSeed(string? seed) => DecodeOrThrow(SeedVersion, seed);

    public static bool IsValidAccountId(string? value) => CheckAccountId(value) == StrKeyFault.None;

    public static bool IsValidSeed(string? value) => CheckSeed(value) == StrKeyFault.None;

    public static StrKeyFault CheckAccountId(string? value) => Decode(AccountIdVersion, value, out _);

    public static StrKeyFault CheckSeed(string? value) => Decode(SeedVersion, value, out _);

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

    static byte[] DecodeOrThrow(byte version, string? text)
    {
        var fault = Decode(version, text, out var key);
        if (fault == StrKeyFault.None)
            return key!;
        var kind = version == SeedVersion ? "secret seed (S…)" : "account id (G…)";
        throw new StrKeyException(fault, fault switch
        {
            StrKeyFault.Length => $"Not a Stellar {kind}: it must be {EncodedLength} characters, not {text?.Length ?? 0}.",
            StrKeyFault.Base32 => $"Not a Stellar {kind}: only upper-case base32 letters A–Z and digits 2–7 may appear.",
            StrKeyFault.Version => $"Not a Stellar {kind}: its version byte names another kind of key.",
            _ => $"Not a Stellar {kind}: its checksum does not match.",
        });
    }

    static StrKeyFault Decode(byte version, string? text, out byte[]? key)
    {
        key = null;
        if (text is null || text.Length != EncodedLength)
            return StrKeyFault.Length;
        // 56 characters carry exactly 35 bytes, so a strict alphabet check leaves no non-canonical spellings.
        if (!text.All(c => c is >= 'A' and <= 'Z' or >= '2' and <= '7'))
            return StrKeyFault.Base32;
        var data = Base32.Rfc4648.Decode(text);
        try
        {
            if (data[0] != version)
                return StrKeyFault.Version;
            var crc = Crc16XModem(data.AsSpan(0, 1 + KeyLength));
            if (data[^2] != (byte)crc || data[^1] != (byte)(crc >> 8))
                return StrKeyFault.Checksum;
            key = data[1..(1 + KeyLength)];
            return StrKeyFault.None;
        }
        finally
        {
            // The decoded bytes may be a secret seed: leave no copy behind but the one returned.
            CryptographicOperations.ZeroMemory(data);
        }
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

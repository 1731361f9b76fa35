using System.Text;

namespace OpsConsole.Domain.Stellar;

/// <summary>A transaction's memo: none, text of at most 28 bytes of UTF-8, a uint64 id, or a 32-byte hash.</summary>
public sealed record StellarMemo
{
    public const int MaxTextBytes = 28;
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static StellarMemo None { get; } = new(MemoType.None, null, 0, null);

    public MemoType Type { get; }
    public string? Text { get; }
    public ulong Id { get; }
    readonly byte[]? hash;

    StellarMemo(MemoType type, string? text, ulong id, byte[]? hash) => (Type, Text, Id, this.hash) = (type, text, id, hash);

    /// <summary>A copy of the 32 bytes of a hash memo; null for the other kinds.</summary>
    public byte[]? Hash => hash?.ToArray();

    public static StellarMemo ForText(string text)
    {
        var count = StrictUtf8.GetByteCount(text);
        if (count > MaxTextBytes)
            throw new ArgumentException($"A text memo holds at most {MaxTextBytes} bytes of UTF-8, not {count}.", nameof(text));
        return new(MemoType.Text, text, 0, null);
    }

    public static StellarMemo ForId(ulong id) => new(MemoType.Id, null, id, null);

    public static StellarMemo ForHash(ReadOnlySpan<byte> hash) => hash.Length == 32
        ? new(MemoType.Hash, null, 0, hash.ToArray())
        : throw new ArgumentException($"A hash memo is 32 bytes, not {hash.Length}.", nameof(hash));

    /// <summary>The text's bytes as the XDR carries them.</summary>
    public byte[] TextBytes() => StrictUtf8.GetBytes(Text ?? "");

    /// <summary>A text memo from its XDR bytes; null when they are not UTF-8.</summary>
    public static StellarMemo? FromTextBytes(byte[] bytes)
    {
        try
        {
            return new(MemoType.Text, StrictUtf8.GetString(bytes), 0, null);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    public bool Equals(StellarMemo? other) => other is not null && Type == other.Type && Text == other.Text && Id == other.Id
        && (hash ?? []).AsSpan().SequenceEqual(other.hash ?? []);

    public override int GetHashCode() => HashCode.Combine(Type, Text, Id, hash is null ? 0 : BitConverter.ToInt32(hash));

    public override string ToString() => Type switch
    {
        MemoType.Text => $"text \"{Text}\"",
        MemoType.Id => $"id {Id}",
        MemoType.Hash => $"hash {Convert.ToHexStringLower(hash!)}",
        _ => "none",
    };
}

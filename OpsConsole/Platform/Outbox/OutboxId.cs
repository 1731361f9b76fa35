using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpsConsole.Platform.Outbox;

/// <summary>
/// Name-based ids (RFC 9562 version 8 from SHA-256): the same event for the same recipient always gets the same id,
/// so a receiver can drop a repeat delivery.
/// </summary>
public static class OutboxId
{
    // Fixed forever: changing it would give already-sent notifications new ids.
    static readonly byte[] Namespace = Guid.Parse("6f1c3a52-9d4e-4b7a-8f0e-2c5d1e7a9b30").ToByteArray(bigEndian: true);

    public static Guid For(string recipient, string subjectType, string subjectId, string eventKey, OutboxChannel channel)
    {
        // Lengths first, so ("ab", "c") and ("a", "bc") cannot collide. Hashed as namespace then "len:part\n" per part.
        var name = new StringBuilder(128);
        foreach (var part in (ReadOnlySpan<string>)[recipient, subjectType, subjectId, eventKey, channel.ToString()])
            name.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('\n');
        var text = name.ToString();
        var data = new byte[Namespace.Length + Encoding.UTF8.GetByteCount(text)];
        Namespace.CopyTo(data, 0);
        Encoding.UTF8.GetBytes(text, data.AsSpan(Namespace.Length));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}

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
        // Lengths first, so ("ab", "c") and ("a", "bc") cannot collide.
        var parts = new[] { recipient, subjectType, subjectId, eventKey, channel.ToString() };
        var name = string.Concat(parts.Select(p => $"{p.Length}:{p}\n"));
        var hash = SHA256.HashData([.. Namespace, .. Encoding.UTF8.GetBytes(name)]);
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

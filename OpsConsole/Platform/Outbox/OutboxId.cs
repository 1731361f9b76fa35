using System.Buffers;
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
        // Lengths first, so ("ab", "c") and ("a", "bc") cannot collide. Hashed as namespace then "len:part\n" per part,
        // the length counted in UTF-16 units. Written into one buffer: the SLA job names thousands of these per batch.
        ReadOnlySpan<string> parts = [recipient, subjectType, subjectId, eventKey, ChannelName(channel)];
        var size = Namespace.Length;
        foreach (var part in parts)
            size += 12 + Encoding.UTF8.GetByteCount(part);
        var rented = size > 1024 ? ArrayPool<byte>.Shared.Rent(size) : null;
        var data = rented is null ? stackalloc byte[size] : rented.AsSpan(0, size);
        Namespace.CopyTo(data);
        var length = Namespace.Length;
        foreach (var part in parts)
        {
            part.Length.TryFormat(data[length..], out var digits, provider: CultureInfo.InvariantCulture);
            length += digits;
            data[length++] = (byte)':';
            length += Encoding.UTF8.GetBytes(part, data[length..]);
            data[length++] = (byte)'\n';
        }
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data[..length], hash);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    // The names as stored, without boxing the value to ask for them.
    static string ChannelName(OutboxChannel channel) => channel switch
    {
        OutboxChannel.InApp => nameof(OutboxChannel.InApp),
        OutboxChannel.Email => nameof(OutboxChannel.Email),
        OutboxChannel.Slack => nameof(OutboxChannel.Slack),
        OutboxChannel.Webhook => nameof(OutboxChannel.Webhook),
        OutboxChannel.Callback => nameof(OutboxChannel.Callback),
        _ => channel.ToString(),
    };
}

using System.Buffers.Binary;

namespace OpsConsole.Domain.Stellar;

/// <summary>RFC 4506 XDR input that refuses, with the offset and field, short data, non-zero padding, oversize
/// variable-length items and trailing bytes.</summary>
public sealed class XdrReader(ReadOnlyMemory<byte> data)
{
    public int Offset { get; private set; }

    public int Int32(string field) => BinaryPrimitives.ReadInt32BigEndian(Take(4, field));

    public uint UInt32(string field) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, field));

    public long Int64(string field) => BinaryPrimitives.ReadInt64BigEndian(Take(8, field));

    public ulong UInt64(string field) => BinaryPrimitives.ReadUInt64BigEndian(Take(8, field));

    /// <summary>An optional's flag: 0 (absent) or 1 (present), nothing else.</summary>
    public bool Present(string field)
    {
        var at = Offset;
        return UInt32(field) switch
        {
            0 => false,
            1 => true,
            var other => throw new XdrFormatException(at, field, $"an optional's flag must be 0 or 1, not {other}."),
        };
    }

    public byte[] FixedOpaque(int length, string field)
    {
        var bytes = Take(length, field).ToArray();
        SkipPadding(length, field);
        return bytes;
    }

    public byte[] VarOpaque(int max, string field)
    {
        var at = Offset;
        var length = UInt32(field);
        if (length > max)
            throw new XdrFormatException(at, field, $"length {length} is over the maximum of {max}.");
        return FixedOpaque((int)length, field);
    }

    /// <summary>Refuses anything left after the last field.</summary>
    public void End(string what)
    {
        if (Offset != data.Length)
            throw new XdrFormatException(Offset, what, $"{data.Length - Offset} bytes follow its end.");
    }

    ReadOnlySpan<byte> Take(int count, string field)
    {
        if (data.Length - Offset < count)
            throw new XdrFormatException(Offset, field, $"needs {count} bytes but only {data.Length - Offset} remain.");
        var span = data.Span.Slice(Offset, count);
        Offset += count;
        return span;
    }

    void SkipPadding(int length, string field)
    {
        var pad = XdrWriter.Padding(length);
        var at = Offset;
        foreach (var b in Take(pad, field))
            if (b != 0)
                throw new XdrFormatException(at, field, "padding bytes must be zero.");
    }
}

using System.Buffers;
using System.Buffers.Binary;

namespace OpsConsole.Domain.Stellar;

/// <summary>RFC 4506 XDR output: big-endian, every item padded with zeros to a multiple of 4 bytes.</summary>
public sealed class XdrWriter
{
    readonly ArrayBufferWriter<byte> buffer = new(256);

    // Two's complement: a signed value's big-endian bytes are those of the same bits unsigned.
    public void Int32(int value) => UInt32(unchecked((uint)value));

    public void UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    public void Int64(long value) => UInt64(unchecked((ulong)value));

    public void UInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    /// <summary>opaque[n]: the bytes, then zero padding.</summary>
    public void FixedOpaque(ReadOnlySpan<byte> bytes)
    {
        buffer.Write(bytes);
        var pad = Padding(bytes.Length);
        buffer.GetSpan(pad)[..pad].Clear();
        buffer.Advance(pad);
    }

    /// <summary>opaque&lt;max&gt; and string&lt;max&gt;: uint32 length, the bytes, zero padding.</summary>
    public void VarOpaque(ReadOnlySpan<byte> bytes, int max)
    {
        if (bytes.Length > max)
            throw new ArgumentException($"{bytes.Length} bytes where at most {max} fit.", nameof(bytes));
        UInt32((uint)bytes.Length);
        FixedOpaque(bytes);
    }

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    internal static int Padding(int length) => (4 - length % 4) % 4;
}

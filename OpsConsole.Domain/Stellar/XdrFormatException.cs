namespace OpsConsole.Domain.Stellar;

/// <summary>XDR that is malformed or outside the subset this console reads; the message names the byte offset and
/// the field at fault.</summary>
public sealed class XdrFormatException(int offset, string field, string reason)
    : FormatException($"XDR at byte {offset}, {field}: {reason}")
{
    public int Offset { get; } = offset;
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}

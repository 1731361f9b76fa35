namespace OpsConsole.Domain.Stellar;

/// <summary>A text that is not a StrKey of the kind expected. The message names the fault, never the text itself,
/// since the text may be a secret seed.</summary>
public sealed class StrKeyException(StrKeyFault fault, string message) : FormatException(message)
{
    public StrKeyFault Fault { get; } = fault;
}

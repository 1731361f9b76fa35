namespace OpsConsole.Domain.Audit;

/// <summary>The first event at which the chain stops holding, with what was expected and what was found.</summary>
public sealed record AuditChainBreak(long EventId, AuditChainFault Fault, string Expected, string Found, long? PreviousEventId)
{
    public string Reason => Fault switch
    {
        AuditChainFault.BrokenLink when PreviousEventId is { } prev => $"prev_hash does not match the hash of event #{prev}",
        AuditChainFault.BrokenLink => "prev_hash of the first event is not the genesis hash",
        _ => "hash does not match the event's content (the row was altered)",
    };
}

namespace OpsConsole.Domain.Audit;

/// <summary>Why an event breaks the chain.</summary>
public enum AuditChainFault
{
    /// <summary>The event's prev_hash is not the stored hash of the event before it: a row was removed, inserted or re-linked.</summary>
    BrokenLink,

    /// <summary>The event's stored hash is not the hash of its own content: the row was changed after it was written.</summary>
    AlteredContent,
}

namespace OpsConsole.Domain.Stellar;

/// <summary>Where a mint transaction stands. Stored and serialized by name.</summary>
public enum SubmissionStatus
{
    /// <summary>Not built: a guard refused (the request not Approved, or its SLA expired); the reason is kept.</summary>
    Refused,
    /// <summary>Built, signed and stored; not yet accepted by the network (never sent, or to be sent again).</summary>
    Built,
    /// <summary>Accepted by the network (queued or already in a ledger); its hash is being looked up.</summary>
    Pending,
    /// <summary>In a ledger and successful: the mint happened.</summary>
    Confirmed,
    /// <summary>Refused by the network, or in a ledger and failed; its codes say why. Never sent again.</summary>
    SubmissionFailed,
    /// <summary>Proven never to land: not found although a ledger closed after its maxTime, within the network's memory.</summary>
    TimeoutFailed,
    /// <summary>Not found, and the network can no longer vouch that it never landed: a person decides.</summary>
    Unknown,
    /// <summary>Its sequence number was used by another transaction and its hash never landed; a rebuild replaces it.</summary>
    Superseded,
}

namespace OpsConsole.Domain.Stellar;

/// <summary>What sending an envelope answered, in Stellar RPC's terms (Horizon's answers map onto them).</summary>
public enum SendStatus
{
    /// <summary>Queued, or (Horizon) already in a ledger: look the hash up.</summary>
    Pending,
    /// <summary>Already queued: look the hash up.</summary>
    Duplicate,
    /// <summary>Not accepted now: send the same envelope again later.</summary>
    TryAgainLater,
    /// <summary>Refused with result codes; an already included transaction answers this too, so look it up first.</summary>
    Error,
    /// <summary>No answer (a 504, a lost connection): the envelope may or may not be in; look it up or send it again.</summary>
    NoAnswer,
}

/// <summary>What looking a hash up answered.</summary>
public enum LookupStatus
{
    Success,
    Failed,
    NotFound,
}

public sealed record SendAnswer(SendStatus Status, string? TransactionCode = null, IReadOnlyList<string>? OperationCodes = null,
    long? LatestLedger = null, string? Detail = null);

/// <param name="OldestLedger">The oldest ledger the network still remembers transactions of; null when it keeps them
/// all (Horizon's history).</param>
public sealed record LookupAnswer(LookupStatus Status, long LatestLedger, DateTimeOffset LatestLedgerClosedAt, long? OldestLedger,
    long? Ledger = null, DateTimeOffset? ClosedAt = null, string? TransactionCode = null, IReadOnlyList<string>? OperationCodes = null);

namespace OpsConsole.Domain.Stellar;

/// <summary>A submission's next status, why, and what the network said.</summary>
public sealed record SubmissionVerdict(SubmissionStatus Status, string Reason, string? ResultCodes, long? Ledger, DateTimeOffset? LedgerClosedAt);

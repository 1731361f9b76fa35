namespace OpsConsole.Domain.Stellar;

/// <summary>
/// One mint transaction of an approved request, stored with its signed envelope and hash before the network is
/// called, so that after a crash or a lost answer the same envelope is looked up or sent again, never a new one.
/// </summary>
public sealed class MintSubmission
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public SubmissionStatus Status { get; set; }
    public string SourceAccount { get; set; } = "";
    public long Sequence { get; set; }
    public string EnvelopeXdr { get; set; } = "";
    /// <summary>Lowercase hex of the transaction hash; empty for a refused submission.</summary>
    public string Hash { get; set; } = "";
    public DateTimeOffset? MaxTime { get; set; }
    /// <summary>The latest ledger when the envelope was built: it cannot be in an earlier one.</summary>
    public long BuiltAtLedger { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public long? Ledger { get; set; }
    public DateTimeOffset? LedgerClosedAt { get; set; }
    /// <summary>The network's codes, Horizon-style and space-separated ("tx_failed op_no_trust").</summary>
    public string? ResultCodes { get; set; }
    /// <summary>What the status means and what to do: the codes in words, a guard's refusal, why it is Unknown.</summary>
    public string? Reason { get; set; }
    /// <summary>The submission this one rebuilds after it was superseded; a rebuild is never rebuilt again.</summary>
    public Guid? RebuildOf { get; set; }
    public uint Version { get; set; }

    public bool IsFinal => Status is SubmissionStatus.Refused or SubmissionStatus.Confirmed or SubmissionStatus.SubmissionFailed
        or SubmissionStatus.TimeoutFailed or SubmissionStatus.Superseded;
}

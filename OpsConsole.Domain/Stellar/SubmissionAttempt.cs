namespace OpsConsole.Domain.Stellar;

/// <summary>One call to the network about a submission and its answer, appended and never changed: the log an
/// operator reads to see what was sent, when, and what came back.</summary>
public sealed class SubmissionAttempt
{
    public long Id { get; set; }
    public Guid SubmissionId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>"send", "lookup" or "sequence".</summary>
    public string Kind { get; set; } = "";
    /// <summary>The network's answer in its own words: PENDING, DUPLICATE, TRY_AGAIN_LATER, ERROR, SUCCESS, FAILED,
    /// NOT_FOUND, HTTP 504, or the failure of the call.</summary>
    public string Answer { get; set; } = "";
    public long? Ledger { get; set; }
    public string? Detail { get; set; }
}

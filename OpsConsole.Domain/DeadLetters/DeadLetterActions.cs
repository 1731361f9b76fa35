namespace OpsConsole.Domain.DeadLetters;

/// <summary>Names of remediation steps, used alike in the history table and as audit actions.</summary>
public static class DeadLetterActions
{
    public const string RetryStarted = "dead_letter.retry_started";
    public const string Retried = "dead_letter.retried";
    /// <summary>A retry gave no result in time; the record was taken back from it.</summary>
    public const string RetryAbandoned = "dead_letter.retry_abandoned";
    /// <summary>A retry finished after its claim was taken back; its result is kept in history, the record is left alone.</summary>
    public const string RetryFinishedLate = "dead_letter.retry_finished_late";
    public const string Resolved = "dead_letter.resolved";
    public const string Discarded = "dead_letter.discarded";
    public const string Purged = "dead_letter.purged";
}

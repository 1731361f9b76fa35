namespace OpsConsole.Domain.DeadLetters;

/// <summary>Names of remediation steps, used alike in the history table and as audit actions.</summary>
public static class DeadLetterActions
{
    public const string RetryStarted = "dead_letter.retry_started";
    public const string Retried = "dead_letter.retried";
    public const string Resolved = "dead_letter.resolved";
    public const string Discarded = "dead_letter.discarded";
    public const string Purged = "dead_letter.purged";
}

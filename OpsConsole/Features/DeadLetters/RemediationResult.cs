namespace OpsConsole.Features.DeadLetters;

/// <summary>The outcome of one remediation request and a sentence for the person who asked.</summary>
public sealed record RemediationResult(RemediationOutcome Outcome, string Message)
{
    public bool Changed => Outcome is RemediationOutcome.Resolved or RemediationOutcome.Discarded or RemediationOutcome.StillFailing;

    public static RemediationResult Refused(string message) => new(RemediationOutcome.Refused, message);
}

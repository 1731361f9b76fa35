namespace OpsConsole.Features.DeadLetters;

/// <summary>How one remediation request ended.</summary>
public enum RemediationOutcome
{
    Resolved,
    Discarded,
    /// <summary>The retry ran and failed again; the record is back to Unresolved with the new reason.</summary>
    StillFailing,
    /// <summary>Nothing changed; the message says why.</summary>
    Refused,
    NotFound,
}

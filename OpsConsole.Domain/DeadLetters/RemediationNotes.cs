namespace OpsConsole.Domain.DeadLetters;

/// <summary>Closing a record by hand needs words: a note for Resolve, a reason for Discard.</summary>
public static class RemediationNotes
{
    public const int MaxLength = 2000;

    /// <summary>Why the note is not acceptable for the action, or null when it is.</summary>
    public static string? Problem(RemediationAction action, string? note) => action switch
    {
        RemediationAction.Resolve when string.IsNullOrWhiteSpace(note) => "Resolving by hand needs a note saying what was done.",
        RemediationAction.Discard when string.IsNullOrWhiteSpace(note) => "Discarding needs a reason.",
        _ when note is { Length: > MaxLength } => $"A note may be at most {MaxLength} characters.",
        _ => null,
    };
}

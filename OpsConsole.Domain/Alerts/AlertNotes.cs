namespace OpsConsole.Domain.Alerts;

/// <summary>The notes people leave on alerts: optional on an acknowledgement, required on a silence (it says why nobody is told).</summary>
public static class AlertNotes
{
    public const int MaxLength = 500;

    public static string? Problem(string? note, bool required) =>
        required && string.IsNullOrWhiteSpace(note) ? "Say why: a note is required."
        : note is { Length: > MaxLength } ? $"A note must be at most {MaxLength} characters."
        : null;
}

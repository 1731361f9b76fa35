namespace OpsConsole.Domain.Alerts;

/// <summary>What acknowledging an alert does: records who and when, and also clears it when its rule clears that way.</summary>
public static class AlertAcknowledgement
{
    public enum Outcome
    {
        Refused,
        Acknowledge,
        AcknowledgeAndClear,
    }

    public static (Outcome Outcome, string? Refusal) Decide(ActiveAlert alert, IAlertRule? rule, string? note)
    {
        if (AlertNotes.Problem(note, required: false) is { } problem)
            return (Outcome.Refused, problem);
        if (alert.AcknowledgedAt is not null)
            return (Outcome.Refused, $"This alert was already acknowledged by {alert.AcknowledgedBy}.");
        return (rule?.ClearedByAcknowledgement == true ? Outcome.AcknowledgeAndClear : Outcome.Acknowledge, null);
    }

    public static void Apply(ActiveAlert alert, string actor, string? note, DateTimeOffset now)
    {
        alert.AcknowledgedAt = now;
        alert.AcknowledgedBy = actor;
        alert.AcknowledgementNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

namespace OpsConsole.Domain.Alerts;

/// <summary>
/// When people are told of an alert: a Critical one that nobody acknowledged and no silence covers, at once when it has not
/// been sent yet (at its raise, or when the silence that held it back ends), and again every <c>renotifyAfter</c> until
/// someone acknowledges it or it clears. Each sending has an event key of its own, so the outbox sends each once.
/// </summary>
public static class AlertNotices
{
    public static bool Due(ActiveAlert alert, bool silenced, TimeSpan renotifyAfter, DateTimeOffset now) =>
        alert.Severity == AlertSeverity.Critical && alert.AcknowledgedAt is null && !silenced
        && (alert.LastNotifiedAt is not { } last || now - last >= renotifyAfter);

    /// <summary>alert.raised for the first sending, alert.reminder.N for the Nth after it.</summary>
    public static string EventKey(int sentBefore) => sentBefore == 0 ? "alert.raised" : $"alert.reminder.{sentBefore}";

    public static void Sent(ActiveAlert alert, DateTimeOffset now)
    {
        alert.LastNotifiedAt = now;
        alert.NotifyCount++;
    }
}

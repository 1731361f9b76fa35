namespace OpsConsole.Domain.Alerts;

/// <summary>
/// One transition of an alert (ops_alerts, append-only): its raise, or its clear. A cleared event repeats the raise's
/// scope and raise time, names the raised event it ends and says why it cleared.
/// </summary>
public sealed class AlertEvent
{
    public Guid EventId { get; set; }
    public required string Code { get; set; }
    public AlertEventStatus Status { get; set; }
    public AlertSeverity Severity { get; set; }
    public required string Reason { get; set; }
    public required string ServiceScope { get; set; }
    public required string ScopeKey { get; set; }
    public string? Pair { get; set; }
    public string? AssetId { get; set; }
    public string? TxHash { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ClearedAt { get; set; }
    public AlertClearCause? ClearCause { get; set; }
    /// <summary>For a cleared event, the raised event it ends.</summary>
    public Guid? RaisedEventId { get; set; }
    public required AlertWhy Why { get; set; }
    public string[] CorrelationIds { get; set; } = [];
    /// <summary>When this event happened: the raise time of a raise, the clear time of a clear.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public static AlertEvent Raised(ActiveAlert alert) =>
        Of(alert, alert.EventId, AlertEventStatus.Raised, alert.Reason, alert.Why, alert.RaisedAt);

    public static AlertEvent Cleared(ActiveAlert alert, Guid eventId, AlertClearCause cause, string reason, AlertWhy why, DateTimeOffset now)
    {
        var cleared = Of(alert, eventId, AlertEventStatus.Cleared, reason, why, now);
        cleared.ClearedAt = now;
        cleared.ClearCause = cause;
        cleared.RaisedEventId = alert.EventId;
        return cleared;
    }

    static AlertEvent Of(ActiveAlert alert, Guid eventId, AlertEventStatus status, string reason, AlertWhy why, DateTimeOffset occurredAt) => new()
    {
        EventId = eventId,
        Code = alert.Code,
        Status = status,
        Severity = alert.Severity,
        Reason = reason,
        ServiceScope = alert.ServiceScope,
        ScopeKey = alert.ScopeKey,
        Pair = alert.Pair,
        AssetId = alert.AssetId,
        TxHash = alert.TxHash,
        RaisedAt = alert.RaisedAt,
        Why = why,
        CorrelationIds = alert.CorrelationIds,
        OccurredAt = occurredAt,
    };
}

using System.Text.Json.Serialization;
using OpsConsole.Domain.Alerts;

namespace OpsConsole.Features.Alerts;

/// <summary>
/// One alert as pages and the API show it: an active alert (status raised, with its acknowledgement and whether a silence
/// holds it back) or an event of the history (raised or cleared). Severity and status are strings as the issue names them.
/// </summary>
public sealed record AlertView(
    Guid AlertEventId,
    string Code,
    string Severity,
    string Status,
    string Reason,
    string ServiceScope,
    string ScopeKey,
    string? Pair,
    string? AssetId,
    string? TxHash,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ClearedAt,
    string? ClearCause,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgementNote,
    DateTimeOffset? SilencedUntil,
    IReadOnlyList<string> CorrelationIds,
    AlertWhy Details)
{
    /// <summary>The id of the alert this event belongs to: the raise's own id, or for a clear the raise it ended.</summary>
    public Guid AlertId { get; init; } = AlertEventId;

    [JsonIgnore]
    public AlertSeverity SeverityLevel => Enum.Parse<AlertSeverity>(Severity);

    public static AlertView Active(ActiveAlert a, DateTimeOffset? silencedUntil) => new(a.EventId, a.Code, a.Severity.ToString(),
        Lower(AlertEventStatus.Raised), a.Reason, a.ServiceScope, a.ScopeKey, a.Pair, a.AssetId, a.TxHash, a.RaisedAt, null, null,
        a.AcknowledgedAt, a.AcknowledgedBy, a.AcknowledgementNote, silencedUntil, a.CorrelationIds, a.Why);

    public static AlertView Event(AlertEvent e) => new(e.EventId, e.Code, e.Severity.ToString(), Lower(e.Status), e.Reason, e.ServiceScope,
        e.ScopeKey, e.Pair, e.AssetId, e.TxHash, e.RaisedAt, e.ClearedAt, e.ClearCause?.ToString(), null, null, null, null, e.CorrelationIds, e.Why)
    { AlertId = e.RaisedEventId ?? e.EventId };

    static string Lower(AlertEventStatus status) => status.ToString().ToLowerInvariant();
}

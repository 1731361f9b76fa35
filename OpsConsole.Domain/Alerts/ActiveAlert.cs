namespace OpsConsole.Domain.Alerts;

/// <summary>
/// An alert that is raised now (ops_alerts_current): one per code and scope key, from its raise until it clears. It keeps
/// the raise's event id, reason and "why", and what people did since: its acknowledgement and the notices sent.
/// </summary>
public sealed class ActiveAlert
{
    public required string Code { get; set; }
    public required string ScopeKey { get; set; }
    /// <summary>The id of the raised event in ops_alerts; the alert's id while it is active.</summary>
    public Guid EventId { get; set; }
    public AlertSeverity Severity { get; set; }
    public required string Reason { get; set; }
    public required string ServiceScope { get; set; }
    public string? Pair { get; set; }
    public string? AssetId { get; set; }
    public string? TxHash { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public required AlertWhy Why { get; set; }
    public string[] CorrelationIds { get; set; } = [];
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgementNote { get; set; }
    /// <summary>When people were last told of it; null while nobody has been (not Critical, or silenced since its raise).</summary>
    public DateTimeOffset? LastNotifiedAt { get; set; }
    public int NotifyCount { get; set; }
    /// <summary>PostgreSQL xmin, for optimistic concurrency.</summary>
    public uint Version { get; set; }

    public AlertScope Scope => new(ServiceScope, ScopeKey, Pair, AssetId, TxHash);

    public static ActiveAlert Raise(AlertCondition condition, Guid eventId, DateTimeOffset now) => new()
    {
        Code = condition.Code,
        ScopeKey = condition.Scope.Key,
        EventId = eventId,
        Severity = condition.Severity,
        Reason = condition.Reason,
        ServiceScope = condition.Scope.Service,
        Pair = condition.Scope.Pair,
        AssetId = condition.Scope.AssetId,
        TxHash = condition.Scope.TxHash,
        RaisedAt = now,
        Why = condition.Why,
        CorrelationIds = [.. condition.CorrelationIds],
    };
}

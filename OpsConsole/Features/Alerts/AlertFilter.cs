using OpsConsole.Domain.Alerts;

namespace OpsConsole.Features.Alerts;

/// <summary>What the alerts page narrows to: a code, a severity, a status (history only) and a scope (any part of the key).</summary>
public sealed record AlertFilter(string? Code = null, AlertSeverity? Severity = null, AlertEventStatus? Status = null, string? Scope = null)
{
    public IQueryable<ActiveAlert> Apply(IQueryable<ActiveAlert> alerts)
    {
        if (!string.IsNullOrWhiteSpace(Code))
            alerts = alerts.Where(a => a.Code == Code);
        if (Severity is { } severity)
            alerts = alerts.Where(a => a.Severity == severity);
        if (Status == AlertEventStatus.Cleared)
            alerts = alerts.Where(_ => false);
        if (!string.IsNullOrWhiteSpace(Scope))
            alerts = alerts.Where(a => a.ScopeKey.Contains(Scope.Trim()));
        return alerts;
    }

    public IQueryable<AlertEvent> Apply(IQueryable<AlertEvent> events)
    {
        if (!string.IsNullOrWhiteSpace(Code))
            events = events.Where(e => e.Code == Code);
        if (Severity is { } severity)
            events = events.Where(e => e.Severity == severity);
        if (Status is { } status)
            events = events.Where(e => e.Status == status);
        if (!string.IsNullOrWhiteSpace(Scope))
            events = events.Where(e => e.ScopeKey.Contains(Scope.Trim()));
        return events;
    }
}

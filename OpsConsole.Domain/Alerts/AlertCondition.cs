namespace OpsConsole.Domain.Alerts;

/// <summary>A condition a rule found true at the time of an evaluation: what to raise, for which scope, and why.</summary>
/// <param name="CorrelationIds">Ids of the records behind it (a trade, an action, a request), for finding them elsewhere.</param>
public sealed record AlertCondition(string Code, AlertSeverity Severity, AlertScope Scope, string Reason, AlertWhy Why,
    IReadOnlyList<string> CorrelationIds)
{
    public static AlertCondition Of(IAlertRule rule, AlertScope scope, string reason, AlertWhy why, params string[] correlationIds) =>
        new(rule.Code, rule.Severity, scope, reason, why, correlationIds);
}

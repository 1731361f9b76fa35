namespace OpsConsole.Domain.Alerts;

/// <summary>Why an alert was raised or cleared: the rule, what it checks, the window that fired it (none for a rule that
/// waits for an event instead), when it looked, and the facts it read.</summary>
public sealed record AlertWhy(string Rule, string Checks, TimeSpan? Window, DateTimeOffset EvaluatedAt, IReadOnlyList<AlertFact> Facts)
{
    public static AlertWhy Of(IAlertRule rule, DateTimeOffset now, params AlertFact[] facts) => new(rule.Code, rule.Checks, rule.Window, now, facts);
}

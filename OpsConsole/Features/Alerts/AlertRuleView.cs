namespace OpsConsole.Features.Alerts;

/// <summary>A registered rule and its last evaluation, for the state API and the page.</summary>
public sealed record AlertRuleView(string Code, string Severity, TimeSpan? Window, string Checks, DateTimeOffset? LastEvaluatedAt,
    DateTimeOffset? LastFailedAt, string? LastError);

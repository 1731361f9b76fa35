namespace OpsConsole.Features.Alerts;

/// <summary>When each rule was last evaluated (alert_rule_runs), and why it could not be the last time it failed.</summary>
public sealed class AlertRuleRun
{
    public required string Code { get; set; }
    public DateTimeOffset? LastEvaluatedAt { get; set; }
    public DateTimeOffset? LastFailedAt { get; set; }
    public string? LastError { get; set; }
}

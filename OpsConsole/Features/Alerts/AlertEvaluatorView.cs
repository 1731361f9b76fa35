namespace OpsConsole.Features.Alerts;

/// <summary>Whether the evaluator is paused, who last paused or resumed it and when.</summary>
public sealed record AlertEvaluatorView(bool Paused, string? ChangedBy, DateTimeOffset? ChangedAt);

namespace OpsConsole.Features.Alerts;

/// <summary>Whether the evaluator is paused (alert_evaluator_state, one row), by whom and since when.</summary>
public sealed class AlertEvaluatorState
{
    public const int TheRow = 1;

    public int Id { get; set; } = TheRow;
    public bool Paused { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
    /// <summary>PostgreSQL xmin, for optimistic concurrency.</summary>
    public uint Version { get; set; }
}

namespace OpsConsole.Features.Alerts.Ingest;

/// <summary>The executor's latest failure and latest fill on each pair (executor_pairs_current), kept by the statement that
/// stores trade results; what executor_submission_failed reads.</summary>
public sealed class ExecutorPairCurrent
{
    public required string Pair { get; set; }
    public string? LastFailedTradeId { get; set; }
    public DateTimeOffset? LastFailedAt { get; set; }
    public DateTimeOffset? LastFailedReceivedAt { get; set; }
    public string? LastFailureReason { get; set; }
    public string? LastFilledTradeId { get; set; }
    public DateTimeOffset? LastFilledAt { get; set; }
}

namespace OpsConsole.Domain.PackApprovals;

/// <summary>A policy gate holding a run, as the Task Runner reported it; stored once per event, never changed.</summary>
public sealed class PackHold
{
    public long Id { get; set; }
    public required string Tenant { get; set; }
    public required string RunId { get; set; }
    public required string Gate { get; set; }
    public required string EventId { get; set; }
    public required string KeyId { get; set; }
    public IReadOnlyDictionary<string, string> Parameters { get; set; } = new Dictionary<string, string>();
    public List<string> Messages { get; set; } = [];
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string CorrelationId { get; set; }
}

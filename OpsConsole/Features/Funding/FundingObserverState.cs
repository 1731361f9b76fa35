namespace OpsConsole.Features.Funding;

/// <summary>Whether the funding observer is paused (funding_observer_state, one row), by whom and since when, and the
/// last refresh an Admin asked for.</summary>
public sealed class FundingObserverState
{
    public const int TheRow = 1;

    public int Id { get; set; } = TheRow;
    public bool Paused { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
    public string? RefreshedBy { get; set; }
    public DateTimeOffset? RefreshedAt { get; set; }
    /// <summary>PostgreSQL xmin, for optimistic concurrency.</summary>
    public uint Version { get; set; }
}

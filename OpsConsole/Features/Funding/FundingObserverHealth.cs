namespace OpsConsole.Features.Funding;

/// <summary>How the observer fares with one handle (funding_observer_health): its last good poll, and its last error
/// with when it happened. A handle whose last error is newer than its last good poll is not being observed.</summary>
public sealed class FundingObserverHealth
{
    public Guid FundingHandle { get; set; }
    public DateTimeOffset? LastGoodPollAt { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>For a chain read from a cursor (Gnosis): the highest block whose logs a good poll read for the handle;
    /// the next poll reads on from there (rereading the blocks a reorg could still replace).</summary>
    public long? ScannedToBlock { get; set; }
    /// <summary>When the last poll that wrote what it saw began to read the chain. A poll that began earlier overlapped a
    /// later one and writes nothing: what it saw is older than what is stored.</summary>
    public DateTimeOffset? LastReadAt { get; set; }
    /// <summary>PostgreSQL xmin: two polls of one handle at once cannot both write what they saw.</summary>
    public uint Version { get; set; }
}

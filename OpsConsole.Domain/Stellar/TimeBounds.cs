namespace OpsConsole.Domain.Stellar;

/// <summary>PRECOND_TIME: Unix seconds between which the transaction may be included; 0 means no bound on that side.
/// The codec reads a maxTime of 0 as it is; the mint's own builder never writes one.</summary>
public sealed record TimeBounds
{
    public ulong MinTime { get; }
    public ulong MaxTime { get; }

    public TimeBounds(ulong minTime, ulong maxTime)
    {
        if (maxTime != 0 && minTime > maxTime)
            throw new ArgumentException($"minTime {minTime} is after maxTime {maxTime}.", nameof(minTime));
        (MinTime, MaxTime) = (minTime, maxTime);
    }
}

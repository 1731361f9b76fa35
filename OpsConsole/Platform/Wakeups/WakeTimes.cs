namespace OpsConsole.Platform.Wakeups;

/// <summary>When jobs have work next, as a change knows it: the earliest time per job, sent to every instance when the
/// change commits (<see cref="WakeupSignal"/>), so that each arms its timer for it.</summary>
public sealed class WakeTimes
{
    readonly Dictionary<string, DateTimeOffset> earliest = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, DateTimeOffset> Earliest => earliest;

    /// <summary>Notes that <paramref name="job"/> has work at <paramref name="at"/>; a null time notes nothing.</summary>
    public WakeTimes At(string job, DateTimeOffset? at)
    {
        if (at is { } time && (!earliest.TryGetValue(job, out var known) || time < known))
            earliest[job] = time;
        return this;
    }

    public WakeTimes Add(WakeTimes more)
    {
        foreach (var (job, at) in more.earliest)
            At(job, at);
        return this;
    }
}

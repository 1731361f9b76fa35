using Microsoft.Extensions.Time.Testing;

namespace OpsConsole.Tests.Integration.Transitions;

/// <summary>A fake clock that remembers the waits asked of it, so a test can see the backoff that was used.</summary>
public sealed class RecordingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    readonly List<TimeSpan> waits = [];

    public IReadOnlyList<TimeSpan> Waits
    {
        get { lock (waits) return [.. waits]; }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (waits)
            waits.Add(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}

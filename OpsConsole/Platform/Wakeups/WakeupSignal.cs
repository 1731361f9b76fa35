using System.Globalization;
using OpsConsole.Platform.Live;

namespace OpsConsole.Platform.Wakeups;

/// <summary>
/// The NOTIFY that tells every instance a job has work at a time: <c>"{job} {UTC ticks}"</c> on <see cref="Channel"/>,
/// one per job per commit. Sent by the transition executor in the change's transaction, so it arrives only if the
/// change commits.
/// </summary>
public static class WakeupSignal
{
    public const string Channel = "ops_wake";

    /// <summary>The NOTIFYs of the wake times, one per job; the transition executor sends them with its other NOTIFYs.</summary>
    public static IReadOnlyList<(string Channel, string Payload)> Notices(WakeTimes wakes) =>
        [.. wakes.Earliest.Select(w => (Channel, $"{w.Key} {w.Value.UtcTicks.ToString(CultureInfo.InvariantCulture)}"))];

    public static bool TryParse(string payload, out string job, out DateTimeOffset at)
    {
        (job, at) = ("", default);
        var space = payload.LastIndexOf(' ');
        if (space <= 0 || !long.TryParse(payload.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
            return false;
        (job, at) = (payload[..space], new DateTimeOffset(ticks, TimeSpan.Zero));
        return true;
    }
}

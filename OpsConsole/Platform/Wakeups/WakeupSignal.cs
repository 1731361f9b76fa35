using System.Globalization;
using OpsConsole.Platform.Data;
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

    public static Task AnnounceAsync(OpsDbContext db, WakeTimes wakes, CancellationToken ct) =>
        wakes.Earliest.Count == 0 ? Task.CompletedTask
            : LiveAnnouncer.NotifyAsync(db, Channel, [.. wakes.Earliest.Select(w => $"{w.Key} {w.Value.UtcTicks.ToString(CultureInfo.InvariantCulture)}")], ct);

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

using OpsConsole.Components.Shared;
using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Features.DeadLetters;

/// <summary>Sentences the dead-letter pages show about how often work failed and how long a retry has held it.</summary>
public static class DeadLetterWording
{
    /// <summary>E.g. "failed 37 times, first 2026-11-02 08:59:00, last 2026-11-02 09:00:00 (UTC)".</summary>
    public static string Occurrences(DeadLetter d) => d.Occurrences == 1
        ? $"failed once, at {UtcText.Format(d.LastFailedAt)} (UTC)"
        : $"failed {d.Occurrences} times, first {UtcText.Format(d.FirstFailedAt)}, last {UtcText.Format(d.LastFailedAt)} (UTC)";

    /// <summary>E.g. "claimed 2026-11-02 09:00:00 (UTC), 12 min ago"; null unless a retry holds the record.</summary>
    public static string? Claim(DeadLetter d, DateTimeOffset now) => d.Status != DeadLetterStatus.Retrying
        ? null
        : d.RetryClaimedAt is { } at
            ? $"claimed {UtcText.Format(at)} (UTC), {Age(now - at)} ago"
            : "claimed before claim times were kept";

    /// <summary>A duration in its largest sensible unit: "45 s", "12 min", "3 h 5 min", "2 d 4 h".</summary>
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
            age = TimeSpan.Zero;
        return age switch
        {
            { TotalMinutes: < 1 } => $"{(int)age.TotalSeconds} s",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min",
            { TotalDays: < 1 } => $"{(int)age.TotalHours} h {age.Minutes} min",
            _ => $"{(int)age.TotalDays} d {age.Hours} h",
        };
    }

}

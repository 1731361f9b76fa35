using System.Globalization;

namespace OpsConsole.Features.Approvals.Pages;

/// <summary>How the request pages write times and SLA durations: UTC to the second, durations in days, hours and minutes.</summary>
static class Times
{
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? at) => at is { } t ? Format(t) : "—";

    /// <summary>"off" for a step the policy turns off; "1 d 4 h", "12 h", "90 min" otherwise.</summary>
    public static string Duration(TimeSpan? span)
    {
        if (span is not { } d)
            return "off";
        var parts = new List<string>();
        if (d.Days > 0)
            parts.Add($"{d.Days} d");
        if (d.Hours > 0)
            parts.Add($"{d.Hours} h");
        if (d.Minutes > 0)
            parts.Add($"{d.Minutes} min");
        if (d.Seconds > 0 || parts.Count == 0)
            parts.Add($"{d.Seconds} s");
        return string.Join(" ", parts);
    }
}

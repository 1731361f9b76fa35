using System.Globalization;

namespace OpsConsole.Components.Shared;

/// <summary>How every page and message writes a moment: in UTC, the same in any browser's or server's culture.
/// Machine formats (CSV, query strings, file names) are contracts and keep their own single homes.</summary>
public static class UtcText
{
    /// <summary>To the second, under a heading that says UTC: 2026-11-02 09:00:00.</summary>
    public static string Format(DateTimeOffset at) => Write(at, "yyyy-MM-dd HH:mm:ss");

    /// <summary>A moment that may not have happened shows as a dash.</summary>
    public static string Format(DateTimeOffset? at) => at is { } t ? Format(t) : "—";

    /// <summary>To the minute, where seconds would only be noise: 2026-11-02 09:00.</summary>
    public static string Minutes(DateTimeOffset at) => Write(at, "yyyy-MM-dd HH:mm");

    /// <summary>The time of day to the second, for a clock under a UTC heading: 09:00:00.</summary>
    public static string Clock(DateTimeOffset at) => Write(at, "HH:mm:ss");

    /// <summary>The time of day to the minute, for a clock read from across a room: 09:00.</summary>
    public static string HoursMinutes(DateTimeOffset at) => Write(at, "HH:mm");

    /// <summary>The date alone, for beside a clock: 2026-11-02.</summary>
    public static string Date(DateTimeOffset at) => Write(at, "yyyy-MM-dd");

    /// <summary>A UTC day, as a chart's axis and its table name it: 11-02.</summary>
    public static string Day(DateOnly day) => day.ToString("MM-dd", CultureInfo.InvariantCulture);

    /// <summary>To the second, naming the zone, for text with no UTC heading (titles, sentences): 2026-11-02 09:00:00 UTC.</summary>
    public static string WithZone(DateTimeOffset at) => Format(at) + " UTC";

    /// <summary>To the minute, naming the zone: 2026-11-02 09:00 UTC.</summary>
    public static string MinutesWithZone(DateTimeOffset at) => Minutes(at) + " UTC";

    // The invariant culture keeps the separators and the calendar the same whatever the thread's culture is.
    static string Write(DateTimeOffset at, string format) => at.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
}

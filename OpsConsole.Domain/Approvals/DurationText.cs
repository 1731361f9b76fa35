namespace OpsConsole.Domain.Approvals;

/// <summary>Short spans for people scanning a list: the two largest units, rounded down ("2 h 10 m", "1 d 4 h").</summary>
public static class DurationText
{
    /// <param name="withDays">False for working time, where "1 d" would read as a calendar day rather than 24 working hours.</param>
    public static string Short(TimeSpan span, bool withDays = true)
    {
        if (span < TimeSpan.Zero)
            span = span.Negate();
        var hours = withDays ? span.Hours : (int)span.TotalHours;
        return (withDays ? span.Days : 0, hours, span.Minutes) switch
        {
            ( > 0, 0, _) => $"{span.Days} d",
            ( > 0, var h, _) => $"{span.Days} d {h} h",
            (_, > 0, 0) => $"{hours} h",
            (_, > 0, var m) => $"{hours} h {m} m",
            (_, _, > 0) => $"{span.Minutes} m",
            _ => "< 1 m",
        };
    }

    /// <summary>"3 h 5 m ago", or "just now" within the first minute.</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now) =>
        now - at < TimeSpan.FromMinutes(1) ? "just now" : $"{Short(now - at)} ago";

    /// <summary>"12 s ago" under a minute, then as <see cref="Short"/> ("3 m ago"); a moment ahead of the clock is "just now".
    /// For what says how fresh it is, where the seconds matter.</summary>
    public static string SecondsAgo(DateTimeOffset at, DateTimeOffset now) => (now - at) switch
    {
        var span when span < TimeSpan.Zero => "just now",
        var span when span < TimeSpan.FromMinutes(1) => $"{(int)span.TotalSeconds} s ago",
        var span => $"{Short(span)} ago",
    };
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace OpsConsole.Domain.Approvals;

/// <summary>
/// SLA durations as people type them: a time span (<c>4:00:00</c>, <c>3.00:00:00</c>) or units (<c>3d</c>, <c>4h</c>,
/// <c>90m</c>, <c>1d 4h</c>); empty turns the step off. A day in units is <c>dayLength</c> long, so that under business
/// hours <c>3d</c> reads as three working days; a time span is always taken literally.
/// </summary>
public static partial class SlaDuration
{
    public static TimeSpan Longest { get; } = TimeSpan.FromDays(366);

    static readonly string[] UnitNames = ["d", "h", "m", "s"];

    public const string Examples = "4:00:00, 3.00:00:00, 3d, 4h or 90m";

    /// <summary>True when the text is a duration or empty (<paramref name="value"/> null: off); else the error says why.</summary>
    public static bool TryParse(string? text, TimeSpan dayLength, out TimeSpan? value, out string? error)
    {
        if (dayLength <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(dayLength), "A day must have a positive length.");
        value = null;
        error = null;
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
            return true;
        if (!TryRead(trimmed, dayLength, out var read))
            error = $"'{trimmed}' is not a duration: write {Examples}, or leave it empty to turn the step off.";
        else if (read <= TimeSpan.Zero)
            error = "Must be longer than zero; leave it empty to turn the step off.";
        else if (read > Longest)
            error = $"Must be at most {Longest.TotalDays:0} days.";
        else
            value = read;
        return error is null;
    }

    /// <summary>The duration in units (<c>1d 4h 30m</c>), the way <see cref="TryParse"/> reads it back; empty for off.</summary>
    public static string Format(TimeSpan? value, TimeSpan dayLength)
    {
        if (value is not { } v)
            return "";
        if (v <= TimeSpan.Zero || v.Ticks % TimeSpan.TicksPerSecond != 0)
            return v.ToString("c", CultureInfo.InvariantCulture);
        var days = v.Ticks / dayLength.Ticks;
        var rest = v - dayLength * days;
        var parts = new List<string>();
        if (days > 0)
            parts.Add($"{days}d");
        if ((long)rest.TotalHours is > 0 and var h)
            parts.Add($"{h}h");
        if (rest.Minutes > 0)
            parts.Add($"{rest.Minutes}m");
        if (rest.Seconds > 0)
            parts.Add($"{rest.Seconds}s");
        return string.Join(' ', parts);
    }

    static bool TryRead(string text, TimeSpan dayLength, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        // A bare number would be read as days by TimeSpan, which nobody means; a time span needs its colon.
        if (text.Contains(':'))
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
        var match = Units().Match(text);
        if (!match.Success || UnitNames.All(u => !match.Groups[u].Success))
            return false;
        try
        {
            value = dayLength * Count(match, "d") + TimeSpan.FromHours(Count(match, "h"))
                + TimeSpan.FromMinutes(Count(match, "m")) + TimeSpan.FromSeconds(Count(match, "s"));
            return true;
        }
        catch (OverflowException)
        {
            value = TimeSpan.MaxValue;
            return true;
        }
    }

    static long Count(Match match, string unit) =>
        match.Groups[unit].Success ? long.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<d>\d{1,9})\s*d)?\s*(?:(?<h>\d{1,9})\s*h)?\s*(?:(?<m>\d{1,9})\s*m)?\s*(?:(?<s>\d{1,9})\s*s)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Units();
}

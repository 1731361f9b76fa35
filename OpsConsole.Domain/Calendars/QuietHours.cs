namespace OpsConsole.Domain.Calendars;

/// <summary>A person's daily quiet window in their own time zone; Start after End means the window spans midnight.
/// Equal Start and End means no quiet hours.</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, string TimeZoneId)
{
    TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public bool IsQuiet(DateTimeOffset now)
    {
        if (Start == End)
            return false;
        var t = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        return Start < End ? t >= Start && t < End : t >= Start || t < End;
    }

    /// <summary>When the quiet window around <paramref name="now"/> ends; <paramref name="now"/> itself when not quiet.</summary>
    public DateTimeOffset QuietUntil(DateTimeOffset now)
    {
        if (!IsQuiet(now))
            return now;
        var zone = Zone;
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var end = DateOnly.FromDateTime(local).ToDateTime(End);
        if (end <= local)
            end = end.AddDays(1);
        return LocalTimes.ToInstant(end, zone);
    }
}

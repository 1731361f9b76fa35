namespace OpsConsole.Domain.Calendars;

/// <summary>Measures spans in a calendar's working time, the inverse of <see cref="BusinessCalendar.Add"/>.</summary>
public static class WorkingTime
{
    /// <summary>The working time from <paramref name="from"/> to <paramref name="to"/>; zero when <paramref name="to"/> is not later.
    /// Counted on the local wall clock like <see cref="BusinessCalendar.Add"/>, so <c>Between(a, Add(a, d)) == d</c>.</summary>
    public static TimeSpan Between(this BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return TimeSpan.Zero;
        var start = TimeZoneInfo.ConvertTime(from, calendar.TimeZone).DateTime;
        var end = TimeZoneInfo.ConvertTime(to, calendar.TimeZone).DateTime;
        var total = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(start); date <= DateOnly.FromDateTime(end); date = date.AddDays(1))
        {
            if (!calendar.IsWorkingDay(date))
                continue;
            var open = date.ToDateTime(calendar.DayStart);
            var close = date.ToDateTime(calendar.DayEnd);
            var begin = start > open ? start : open;
            var finish = end < close ? end : close;
            if (finish > begin)
                total += finish - begin;
        }
        return total;
    }
}

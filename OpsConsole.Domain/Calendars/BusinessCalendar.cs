namespace OpsConsole.Domain.Calendars;

/// <summary>
/// Working days and hours in one time zone, with holidays. Business time is counted on the local wall clock inside
/// the working window, so a DST change outside working hours neither adds nor loses an hour.
/// </summary>
public sealed class BusinessCalendar
{
    public BusinessCalendar(string timeZoneId, IEnumerable<DayOfWeek> workingDays, TimeOnly dayStart, TimeOnly dayEnd,
        IEnumerable<DateOnly>? holidays = null)
    {
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        TimeZoneId = timeZoneId;
        WorkingDays = workingDays.ToHashSet();
        if (WorkingDays.Count == 0)
            throw new ArgumentException("A business calendar needs at least one working day.", nameof(workingDays));
        if (dayEnd <= dayStart)
            throw new ArgumentException($"Working hours must end after they start ({dayStart}–{dayEnd}).", nameof(dayEnd));
        DayStart = dayStart;
        DayEnd = dayEnd;
        Holidays = (holidays ?? []).ToHashSet();
    }

    public string TimeZoneId { get; }
    public TimeZoneInfo TimeZone { get; }
    public IReadOnlySet<DayOfWeek> WorkingDays { get; }
    public TimeOnly DayStart { get; }
    public TimeOnly DayEnd { get; }
    public IReadOnlySet<DateOnly> Holidays { get; }

    /// <summary>Monday to Friday, 09:00–17:00.</summary>
    public static BusinessCalendar Weekdays(string timeZoneId, IEnumerable<DateOnly>? holidays = null) => new(timeZoneId,
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(9, 0), new TimeOnly(17, 0), holidays);

    public TimeSpan WorkingDayLength => DayEnd - DayStart;

    /// <summary>"+n business days" as a duration: n working-day lengths.</summary>
    public TimeSpan Days(int count) => WorkingDayLength * count;

    public bool IsWorkingDay(DateOnly date) => WorkingDays.Contains(date.DayOfWeek) && !Holidays.Contains(date);

    /// <summary>The instant when <paramref name="businessDuration"/> of working time has passed after <paramref name="start"/>;
    /// time outside working hours, on non-working days and on holidays does not count.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessDuration)
    {
        if (businessDuration < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(businessDuration), "A business duration cannot be negative.");
        var local = TimeZoneInfo.ConvertTime(start, TimeZone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var from = TimeOnly.FromDateTime(local.DateTime);
        var remaining = businessDuration;
        // Bounded: every week has a working day, and holidays are finite.
        for (var guard = 0; guard < 366 * 100; guard++, date = date.AddDays(1), from = TimeOnly.MinValue)
        {
            if (!IsWorkingDay(date))
                continue;
            var begin = from > DayStart ? from : DayStart;
            if (begin >= DayEnd)
                continue;
            var available = DayEnd - begin;
            if (remaining <= available)
                return LocalTimes.ToInstant(date.ToDateTime(begin).Add(remaining), TimeZone);
            remaining -= available;
        }
        throw new InvalidOperationException("The calendar has no working time within a century.");
    }
}

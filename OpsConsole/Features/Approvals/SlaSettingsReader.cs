using System.Globalization;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Calendars;
using OpsConsole.Platform.Jobs;

namespace OpsConsole.Features.Approvals;

/// <summary>Reads every <c>Sla:*</c> setting once: the timer intervals (which also schedule the SLA jobs),
/// <c>Sla:Policies:&lt;Kind&gt;:*</c> and <c>Sla:BusinessCalendar:*</c>; an absent duration keeps the kind's default, an empty
/// one turns the step off, an unreadable one is a problem that stops start-up.</summary>
sealed class SlaSettingsReader(IConfiguration config) : IConfigureOptions<SlaOptions>
{
    public void Configure(SlaOptions options)
    {
        options.DueJobInterval = ReadInterval("DueJobInterval", options.DueJobInterval, options.Problems);
        options.SweepInterval = ReadInterval("SweepInterval", options.SweepInterval, options.Problems);
        if (config[$"{SlaOptions.Section}:BatchSize"] is { Length: > 0 } batch)
            options.BatchSize = int.TryParse(batch, CultureInfo.InvariantCulture, out var size) ? size : 0;
        foreach (var kind in Enum.GetValues<ApprovalKind>())
            options.Policies[kind] = ReadPolicy(kind, options.Problems);
        options.Calendar = ReadCalendar(options.Problems);
    }

    SlaPolicy ReadPolicy(ApprovalKind kind, List<string> problems)
    {
        var prefix = $"{SlaOptions.Section}:Policies:{kind}";
        var defaults = SlaPolicy.DefaultFor(kind);
        TimeSpan? Step(string name, TimeSpan? fallback)
        {
            var text = config[$"{prefix}:{name}"];
            if (text is null)
                return fallback;
            if (text.Trim().Length == 0)
                return null;
            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
                return value;
            problems.Add($"{prefix}:{name} must be a positive time span (e.g. 04:00:00 or 3.00:00:00) or empty to turn the step off");
            return fallback;
        }
        var clock = defaults.Clock;
        if (config[$"{prefix}:Clock"] is { Length: > 0 } clockText && !Enum.TryParse(clockText, ignoreCase: true, out clock))
            problems.Add($"{prefix}:Clock must be {string.Join(" or ", Enum.GetNames<SlaClock>())}");
        return new SlaPolicy
        {
            RemindAfter = Step("RemindAfter", defaults.RemindAfter),
            EscalateAfter = Step("EscalateAfter", defaults.EscalateAfter),
            EscalateFinalAfter = Step("EscalateFinalAfter", defaults.EscalateFinalAfter),
            ExpireAfter = Step("ExpireAfter", defaults.ExpireAfter),
            Clock = clock,
        };
    }

    BusinessCalendar? ReadCalendar(List<string> problems)
    {
        var prefix = $"{SlaOptions.Section}:BusinessCalendar";
        var zone = config[$"{prefix}:TimeZone"] is { Length: > 0 } z ? z : "UTC";
        var start = ReadTime($"{prefix}:WorkdayStart", new TimeOnly(9, 0), problems);
        var end = ReadTime($"{prefix}:WorkdayEnd", new TimeOnly(17, 0), problems);
        var days = new List<DayOfWeek>();
        foreach (var d in Split(config[$"{prefix}:WorkingDays"] ?? "Monday,Tuesday,Wednesday,Thursday,Friday"))
            if (Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day))
                days.Add(day);
            else
                problems.Add($"{prefix}:WorkingDays must list day names such as Monday,Tuesday; '{d}' is not one");
        var holidays = new List<DateOnly>();
        foreach (var h in Split(config[$"{prefix}:Holidays"] ?? ""))
            if (DateOnly.TryParseExact(h, SlaOptions.HolidayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                holidays.Add(date);
            else
                problems.Add($"{prefix}:Holidays must list dates as {SlaOptions.HolidayFormat}; '{h}' is not one");
        try
        {
            return new BusinessCalendar(zone, days, start, end, holidays);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            problems.Add($"{prefix} is not usable ({prefix}:TimeZone, WorkingDays, WorkdayStart, WorkdayEnd): {ex.Message}");
            return null;
        }
    }

    // The jobs' own reading of an interval, so the SLA timers and their schedules agree on what a setting means.
    TimeSpan ReadInterval(string name, TimeSpan fallback, List<string> problems)
    {
        var setting = $"{SlaOptions.Section}:{name}";
        var standard = JobSchedule.Every(fallback);
        if (JobSchedule.Read(config[setting], standard) is { Interval: { } value })
            return value;
        problems.Add(standard.Rule(setting));
        return fallback;
    }

    TimeOnly ReadTime(string setting, TimeOnly fallback, List<string> problems)
    {
        if (config[setting] is not { Length: > 0 } text)
            return fallback;
        if (TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out var value))
            return value;
        problems.Add($"{setting} must be a time of day such as 09:00");
        return fallback;
    }

    static IEnumerable<string> Split(string text) =>
        text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

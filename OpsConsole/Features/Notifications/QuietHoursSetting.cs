using System.Globalization;

namespace OpsConsole.Features.Notifications;

/// <summary>What the preferences page shows and saves: the person's time zone and their daily quiet window.</summary>
public sealed record QuietHoursSetting(string TimeZoneId, TimeOnly Start, TimeOnly End, bool Enabled)
{
    /// <summary>For someone who never saved: off, with a usual night window ready to turn on.</summary>
    public static QuietHoursSetting Default { get; } = new("UTC", new TimeOnly(22, 0), new TimeOnly(7, 0), false);

    /// <summary>A time of day in the person's zone as the page shows it and the audit records it: 22:00.</summary>
    public static string TimeText(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}

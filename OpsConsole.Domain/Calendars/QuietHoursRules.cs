using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.Calendars;

/// <summary>What a person may save as their quiet hours: a zone by its IANA name, and a window that is not empty.</summary>
public static class QuietHoursRules
{
    public const string TimeZoneField = "timeZone";
    public const string StartField = "quietStart";
    public const string EndField = "quietEnd";

    /// <summary>The zone's IANA name, trimmed, or null when it is not a known IANA zone; Windows names are refused so
    /// that every instance reads the stored name the same way.</summary>
    public static string? KnownZoneId(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId)
        && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId.Trim(), out var zone)
        && zone.HasIanaId
            ? zone.Id
            : null;

    public static IReadOnlyList<FieldError> Validate(string? timeZoneId, TimeOnly start, TimeOnly end, bool enabled)
    {
        var errors = new List<FieldError>();
        if (KnownZoneId(timeZoneId) is null)
            errors.Add(new(TimeZoneField, string.IsNullOrWhiteSpace(timeZoneId)
                ? "Time zone is required: an IANA name such as Europe/Berlin."
                : $"'{timeZoneId.Trim()}' is not a known IANA time zone; use a name such as Europe/Berlin or America/New_York."));
        if (enabled && start == end)
            errors.Add(new(EndField, "Quiet hours must end at a different time than they start."));
        return errors;
    }
}

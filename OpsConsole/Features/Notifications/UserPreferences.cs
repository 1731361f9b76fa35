namespace OpsConsole.Features.Notifications;

/// <summary>A row of <c>user_preferences</c>: one person's time zone and quiet hours, during which email to them waits.</summary>
public sealed class UserPreferences
{
    public required string UserId { get; set; }
    /// <summary>An IANA zone name, such as Europe/Berlin.</summary>
    public required string TimeZoneId { get; set; }
    public TimeOnly QuietStart { get; set; }
    public TimeOnly QuietEnd { get; set; }
    public bool QuietHoursEnabled { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

namespace OpsConsole.Domain.Identity;

/// <summary>How long a sign-in lasts: it ends after <see cref="Idle"/> without activity, and at the latest
/// <see cref="Absolute"/> after it began, however busy it is.</summary>
public sealed record SessionLimits(TimeSpan Idle, TimeSpan Absolute)
{
    public static SessionLimits Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(12));

    /// <summary>Why these limits cannot be used, naming the setting, or null when they can.</summary>
    public string? Problem(string idleSetting, string absoluteSetting) =>
        Idle <= TimeSpan.Zero ? $"{idleSetting} must be a positive time span"
        : Absolute <= TimeSpan.Zero ? $"{absoluteSetting} must be a positive time span"
        : Idle > Absolute ? $"{idleSetting} ({Idle}) must not be longer than {absoluteSetting} ({Absolute})"
        : null;
}

namespace OpsConsole.Features.Notifications;

/// <summary>Settings under <c>Notifications:Smtp</c>; an empty Host turns email off.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    /// <summary>Sign-in is optional: with no user the server is used without authentication.</summary>
    public string? User { get; set; }
    /// <summary>A secret: never logged, never shown.</summary>
    public string? Password { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);
}

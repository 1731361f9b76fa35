namespace OpsConsole.Domain.Notifications;

public enum NotificationChannel
{
    InApp,
    Email,
    Slack,
    Webhook,
}

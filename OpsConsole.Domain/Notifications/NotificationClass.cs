namespace OpsConsole.Domain.Notifications;

/// <summary>How urgent an event is; Critical events pierce quiet hours.</summary>
public enum NotificationClass
{
    Info,
    Action,
    Critical,
}

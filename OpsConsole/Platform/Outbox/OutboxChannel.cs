namespace OpsConsole.Platform.Outbox;

/// <summary>The ways a notification leaves the console; stored by name in <c>notification_outbox.channel</c>.</summary>
public enum OutboxChannel
{
    InApp,
    Email,
    Slack,
    Webhook,
}

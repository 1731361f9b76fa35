namespace OpsConsole.Platform.Outbox;

/// <summary>The ways a notification leaves the console; stored by name in <c>notification_outbox.channel</c>.</summary>
public enum OutboxChannel
{
    InApp,
    Email,
    Slack,
    Webhook,
    /// <summary>A call back to the machine client that asked for the decision (the Task Runner's resume URL).</summary>
    Callback,
}

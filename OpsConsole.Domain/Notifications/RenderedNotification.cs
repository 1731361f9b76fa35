namespace OpsConsole.Domain.Notifications;

/// <summary>One notification in each form a channel needs.</summary>
public sealed record RenderedNotification(string Title, string Text, string SlackMrkdwn, string Html);

using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Notifications;

/// <summary>The text of a message as plain-text channels send it: the link is always there, even if the text left it out.</summary>
static class PlainText
{
    public static string WithLink(OutboxMessage message) =>
        string.IsNullOrEmpty(message.Link) || message.Text.Contains(message.Link, StringComparison.Ordinal)
            ? message.Text
            : $"{message.Text}\n\n{message.Link}";
}

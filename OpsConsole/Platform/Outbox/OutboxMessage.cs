namespace OpsConsole.Platform.Outbox;

/// <summary>
/// One notification for one recipient on one channel, already rendered: the outbox delivers what it is given and
/// knows nothing of what caused it.
/// </summary>
/// <param name="Recipient">An email address (Email), a user id (InApp), or the configured target's name (Slack, Webhook).</param>
/// <param name="Class">The notification class by name, e.g. Info, Action or Critical.</param>
/// <param name="NotBefore">Held back until then (quiet hours); null sends as soon as the dispatcher runs.</param>
public sealed record OutboxMessage(
    OutboxChannel Channel,
    string Recipient,
    string SubjectType,
    string SubjectId,
    string EventKey,
    string Class,
    string Title,
    string Text,
    DateTimeOffset OccurredAt,
    string? Html = null,
    string? SlackText = null,
    string? Link = null,
    DateTimeOffset? NotBefore = null)
{
    /// <summary>The same for every enqueue of this event to this recipient on this channel.</summary>
    public Guid Id => OutboxId.For(Recipient, SubjectType, SubjectId, EventKey, Channel);
}

using System.Text.Json.Serialization;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Notifications;

/// <summary>The generic webhook body, a fixed contract (DESIGN.md): these snake_case names and no others.</summary>
public sealed record WebhookNotification(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("event_key")] string EventKey,
    [property: JsonPropertyName("class")] string Class,
    [property: JsonPropertyName("subject_type")] string SubjectType,
    [property: JsonPropertyName("subject_id")] string SubjectId,
    [property: JsonPropertyName("recipient")] string Recipient,
    [property: JsonPropertyName("occurred_at")] DateTimeOffset OccurredAt,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("link")] string? Link)
{
    public static WebhookNotification From(Guid id, OutboxMessage m) =>
        new(id, m.EventKey, m.Class, m.SubjectType, m.SubjectId, m.Recipient, m.OccurredAt.ToUniversalTime(), m.Title, m.Text, m.Link);
}

namespace OpsConsole.Platform.Outbox;

/// <summary>A row of <c>notification_outbox</c>: the message, and how its delivery is going.</summary>
public sealed class OutboxEntry
{
    public Guid Id { get; set; }
    public OutboxChannel Channel { get; set; }
    public required string Recipient { get; set; }
    public required string SubjectType { get; set; }
    public required string SubjectId { get; set; }
    public required string EventKey { get; set; }
    public required string Class { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public string? Html { get; set; }
    public string? SlackText { get; set; }
    public string? Link { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset? NotBefore { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    /// <summary>When the dispatcher may next take it: the quiet-hours hold, a backoff, or a claim by one dispatcher.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? FirstFailedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    /// <summary>In-app only: when the recipient opened it.</summary>
    public DateTimeOffset? ReadAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public OutboxMessage ToMessage() => new(Channel, Recipient, SubjectType, SubjectId, EventKey, Class, Title, Text,
        OccurredAt, Html, SlackText, Link, NotBefore);
}

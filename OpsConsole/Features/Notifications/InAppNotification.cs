namespace OpsConsole.Features.Notifications;

/// <summary>A notification as the bell lists it.</summary>
public sealed record InAppNotification(Guid Id, string Title, string Text, string? Link, string Class, DateTimeOffset OccurredAt, bool IsRead);

namespace OpsConsole.Features.Notifications;

/// <summary>A user's in-app notifications: what the bell shows and what opening one does.</summary>
public interface INotificationInbox
{
    Task<int> UnreadCountAsync(string userId, CancellationToken ct = default);

    Task<IReadOnlyList<InAppNotification>> LatestAsync(string userId, int count, CancellationToken ct = default);

    Task MarkAllReadAsync(string userId, CancellationToken ct = default);

    /// <summary>Marks it read and returns its link; null when it is not this user's.</summary>
    Task<string?> OpenAsync(Guid id, string userId, CancellationToken ct = default);
}

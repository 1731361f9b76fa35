using OpsConsole.Features.Notifications;

namespace OpsConsole.Tests.Components;

/// <summary>An empty inbox for shell tests that are not about notifications; the bell has its own tests on a real database.</summary>
sealed class NoNotifications : INotificationInbox
{
    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) => Task.FromResult(0);

    public Task<IReadOnlyList<InAppNotification>> LatestAsync(string userId, int count, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<InAppNotification>>([]);

    public Task MarkAllReadAsync(string userId, CancellationToken ct = default) => Task.CompletedTask;

    public Task<string?> OpenAsync(Guid id, string userId, CancellationToken ct = default) => Task.FromResult<string?>(null);
}

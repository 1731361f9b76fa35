using OpsConsole.Features.Notifications;

namespace OpsConsole.Tests.Components;

/// <summary>A bell with nothing in it, for pages whose tests are not about notifications.</summary>
public sealed class EmptyNotificationInbox : INotificationInbox
{
    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) => Task.FromResult(0);

    public Task<IReadOnlyList<InAppNotification>> LatestAsync(string userId, int count, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<InAppNotification>>([]);

    public Task MarkAllReadAsync(string userId, CancellationToken ct = default) => Task.CompletedTask;

    public Task<string?> OpenAsync(Guid id, string userId, CancellationToken ct = default) => Task.FromResult<string?>(null);
}

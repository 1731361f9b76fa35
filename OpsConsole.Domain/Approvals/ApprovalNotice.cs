using OpsConsole.Domain.Notifications;

namespace OpsConsole.Domain.Approvals;

/// <summary>A notification about a request, to write to the outbox with the change that caused it.</summary>
public sealed record ApprovalNotice(Guid RequestId, string EventKey, ApprovalAudience Audience)
{
    public NotificationClass Class => NotificationEvents.ClassOf(EventKey);
}

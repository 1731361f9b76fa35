namespace OpsConsole.Features.Approvals;

/// <summary>One line of a request's timeline: either an audit event or a notification sent about it.</summary>
public sealed record ApprovalTimelineEntry(DateTimeOffset At, ApprovalHistoryItem? Event, ApprovalNotificationItem? Notification)
{
    public static ApprovalTimelineEntry Of(ApprovalHistoryItem e) => new(e.At, e, null);

    public static ApprovalTimelineEntry Of(ApprovalNotificationItem n) => new(n.At, null, n);
}

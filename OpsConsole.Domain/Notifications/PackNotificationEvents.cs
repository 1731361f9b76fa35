using OpsConsole.Contracts.PackApprovals;

namespace OpsConsole.Domain.Notifications;

/// <summary>The event keys of the notices that routing rules send about Task Runner events; they are the names of the
/// console's pack templates (<see cref="PackTemplates"/>), and part of the outbox's uniqueness like every event key.</summary>
public static class PackNotificationEvents
{
    public const string ApprovalRequested = PackTemplates.ApprovalRequested;
    public const string PolicyHold = PackTemplates.PolicyHold;

    public static IReadOnlyList<string> All { get; } = [ApprovalRequested, PolicyHold];

    /// <summary>Both ask a person to act: a run waits on them.</summary>
    public static NotificationClass ClassOf(string eventKey) => All.Contains(eventKey)
        ? NotificationClass.Action
        : throw new ArgumentOutOfRangeException(nameof(eventKey), eventKey, "Unknown pack notification event key.");
}

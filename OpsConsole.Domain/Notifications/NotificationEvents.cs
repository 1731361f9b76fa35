namespace OpsConsole.Domain.Notifications;

/// <summary>The event keys (part of the webhook contract and the outbox's uniqueness) and their classes.</summary>
public static class NotificationEvents
{
    public const string ApprovalRequested = "approval.requested";
    public const string ApprovalReminder = "approval.reminder";
    public const string ApprovalEscalated = "approval.escalated";
    public const string ApprovalEscalatedFinal = "approval.escalated_final";
    public const string ApprovalExpired = "approval.expired";
    public const string ApprovalDecided = "approval.decided";
    /// <summary>An approved mint's transaction failed or timed out: nothing was minted, and a person must act.</summary>
    public const string MintFailed = "mint.failed";
    /// <summary>A mint's transaction cannot be proven landed or lost any more: a person checks the ledger and decides.</summary>
    public const string MintUnknown = "mint.unknown";

    public static IReadOnlyList<string> All { get; } =
        [ApprovalRequested, ApprovalReminder, ApprovalEscalated, ApprovalEscalatedFinal, ApprovalExpired, ApprovalDecided, MintFailed, MintUnknown];

    public static NotificationClass ClassOf(string eventKey) => eventKey switch
    {
        ApprovalRequested or ApprovalReminder or ApprovalEscalated => NotificationClass.Action,
        ApprovalEscalatedFinal or ApprovalExpired or MintFailed or MintUnknown => NotificationClass.Critical,
        ApprovalDecided => NotificationClass.Info,
        _ => throw new ArgumentOutOfRangeException(nameof(eventKey), eventKey, "Unknown notification event key."),
    };
}

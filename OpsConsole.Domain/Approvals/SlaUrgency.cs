namespace OpsConsole.Domain.Approvals;

/// <summary>How close a request is to its next SLA step, by the share of the interval still left.</summary>
public enum SlaUrgency
{
    /// <summary>More than half of the interval left.</summary>
    OnTrack,
    /// <summary>Between a fifth and a half left.</summary>
    DueSoon,
    /// <summary>Less than a fifth left, or overdue.</summary>
    Urgent,
}

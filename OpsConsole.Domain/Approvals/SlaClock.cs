namespace OpsConsole.Domain.Approvals;

/// <summary>How SLA durations are counted: elapsed time, or working time of a business calendar.</summary>
public enum SlaClock
{
    WallClock,
    BusinessHours,
}

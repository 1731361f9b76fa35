namespace OpsConsole.Features.Approvals;

/// <summary>Where the approvals stand, for displays (the wall, the overview) that do not read the requests' table: the
/// pending ones by SLA stage with the steps due next, and the decisions and expiries of each day.</summary>
public interface IApprovalStages
{
    /// <summary>The pending requests by stage, how many are overdue for a step, and the <paramref name="nextSteps"/>
    /// steps that fall due first.</summary>
    Task<PendingApprovals> PendingAsync(int nextSteps, CancellationToken ct = default);

    /// <summary>Approvals, rejections and expiries per UTC day, for the last <paramref name="days"/> days up to today,
    /// oldest first, with a row for each day even when nothing happened.</summary>
    Task<IReadOnlyList<ApprovalDay>> OutcomesPerDayAsync(int days, CancellationToken ct = default);
}

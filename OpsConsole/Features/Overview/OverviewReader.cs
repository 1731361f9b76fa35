using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Funding.Pipeline;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Features.SystemStatus;
using OpsConsole.Platform.Live;

namespace OpsConsole.Features.Overview;

/// <summary>
/// Reads the overview for one person, each part through the interface of the feature that owns it, and only the parts
/// their roles may read on that feature's own page: alerts and the funding pipeline for everyone who reads /funding,
/// approvals for those who read approvals, dead letters for those who remediate or watch them, jobs and links for those
/// who read the System page.
/// </summary>
public sealed class OverviewReader(
    IAuthorizationService authorization,
    IAlertOverview alerts,
    IApprovalStages approvals,
    IUnresolvedDeadLetters deadLetters,
    IDeadLetterTrend deadLetterTrend,
    IJobList jobs,
    IChannelHealth channels,
    IFundingPipeline funding,
    ILiveLink live,
    TimeProvider time)
{
    /// <summary>How many days the charts cover, today included.</summary>
    public const int Days = 14;
    public const int NextSteps = 5;

    public async Task<OverviewData> ReadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        async Task<bool> May(string policy) => (await authorization.AuthorizeAsync(user, policy)).Succeeded;
        var data = new OverviewData(time.GetUtcNow(), live.IsListening);
        if (await May(OpsPolicies.ReadAlerts))
            data = data with { Alerts = await alerts.ReadAsync(ct), Funding = await funding.ReadAsync(ct) };
        if (await May(OpsPolicies.ReadApprovals))
            data = data with { Pending = await approvals.PendingAsync(NextSteps, ct), Outcomes = await approvals.OutcomesPerDayAsync(Days, ct) };
        if (await May(OpsPolicies.ReadDeadLetters))
            data = data with { DeadLetters = await deadLetters.UnresolvedBySourceAsync(ct), DeadLetterDays = await deadLetterTrend.OpenedPerDayAsync(Days, ct) };
        if (await May(OpsPolicies.ReadSystem))
            data = data with { Jobs = await jobs.ListAsync(ct), Channels = await channels.ReadAsync(ct) };
        return data;
    }
}

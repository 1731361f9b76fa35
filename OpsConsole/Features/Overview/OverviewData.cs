using OpsConsole.Features.Alerts;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Funding.Pipeline;
using OpsConsole.Features.Notifications;
using OpsConsole.Features.SystemStatus;

namespace OpsConsole.Features.Overview;

/// <summary>What the overview shows, read at <see cref="AsOf"/>; a part the reader's roles may not see is null and not shown.</summary>
public sealed record OverviewData(
    DateTimeOffset AsOf,
    bool LiveListening,
    AlertOverview? Alerts = null,
    PendingApprovals? Pending = null,
    IReadOnlyList<ApprovalDay>? Outcomes = null,
    IReadOnlyList<DeadLetterSourceCount>? DeadLetters = null,
    IReadOnlyList<DeadLetterDay>? DeadLetterDays = null,
    IReadOnlyList<JobView>? Jobs = null,
    IReadOnlyList<ChannelHealthView>? Channels = null,
    FundingPipeline? Funding = null);

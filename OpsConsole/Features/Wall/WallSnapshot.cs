using OpsConsole.Features.Alerts;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Funding.Pipeline;

namespace OpsConsole.Features.Wall;

/// <summary>
/// Everything the wall shows, read from the database at <see cref="AsOf"/>: the alerts with their sources' freshness,
/// the pending approvals by SLA stage, the unresolved dead letters by source, the funding pipeline by asset and stage,
/// and whether this instance hears live changes. When a read fails the wall keeps the last good one and says since when
/// it could not read (<see cref="ReadFailedAt"/>), rather than going blank.
/// </summary>
public sealed record WallSnapshot(
    DateTimeOffset AsOf,
    AlertOverview Alerts,
    PendingApprovals Approvals,
    IReadOnlyList<DeadLetterSourceCount> DeadLetters,
    FundingPipeline Funding,
    bool LiveListening,
    DateTimeOffset? ReadFailedAt = null)
{
    /// <summary>Nothing read yet: the wall says so instead of showing an empty board as if all were clear.</summary>
    public static WallSnapshot Unread(DateTimeOffset now) => new(DateTimeOffset.MinValue,
        new AlertOverview(DateTimeOffset.MinValue, [], new AlertEvaluatorView(false, null, null), null, TimeSpan.Zero, []),
        PendingApprovals.None, [], FundingPipeline.None, false, now);

    public bool EverRead => AsOf != DateTimeOffset.MinValue;
}

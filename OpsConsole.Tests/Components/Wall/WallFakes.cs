using OpsConsole.Features.Alerts;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Funding.Pipeline;
using OpsConsole.Platform.Live;

namespace OpsConsole.Tests.Components.Wall;

/// <summary>The alerts as the test sets them; <see cref="Fail"/> makes the next reads throw, as a database gone away does.</summary>
sealed class FakeAlertOverview(TimeProvider time) : IAlertOverview
{
    public IReadOnlyList<AlertView> Active { get; set; } = [];
    public DateTimeOffset? LastEvaluatedAt { get; set; }
    public bool Paused { get; set; }
    public IReadOnlyList<AlertFeedView> Feeds { get; set; } = [];
    public bool Fail { get; set; }

    public Task<AlertOverview> ReadAsync(CancellationToken ct = default) => Fail
        ? Task.FromException<AlertOverview>(new InvalidOperationException("The database is away."))
        : Task.FromResult(new AlertOverview(time.GetUtcNow(), Active, new AlertEvaluatorView(Paused, Paused ? "admin@demo.local" : null, null),
            LastEvaluatedAt, TimeSpan.FromSeconds(30), Feeds));
}

sealed class FakeApprovalStages : IApprovalStages
{
    public PendingApprovals Pending { get; set; } = PendingApprovals.None;
    public IReadOnlyList<ApprovalDay> Outcomes { get; set; } = [];

    public Task<PendingApprovals> PendingAsync(int nextSteps, CancellationToken ct = default) => Task.FromResult(Pending);

    public Task<IReadOnlyList<ApprovalDay>> OutcomesPerDayAsync(int days, CancellationToken ct = default) => Task.FromResult(Outcomes);
}

sealed class FakeFundingPipeline : IFundingPipeline
{
    public FundingPipeline Pipeline { get; set; } = FundingPipeline.None;

    public Task<FundingPipeline> ReadAsync(CancellationToken ct = default) => Task.FromResult(Pipeline);
}

sealed class FakeLiveLink : ILiveLink
{
    public bool IsListening { get; set; } = true;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>What the wall and the overview read of the approvals: PostgreSQL's counts per stage agree with the Domain's
/// stage of each request, the steps due first come in order, and each day's decisions and expiries are counted.</summary>
[Trait("Category", "Integration")]
public sealed class ApprovalStagesTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly ApprovalHarness harness = new(fixture);

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        await harness.AddOperationsDepartmentAsync();
        await harness.Instance().GetRequiredService<ApprovalDemoSeed>().SeedAsync();
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Pending_requests_are_counted_by_the_stage_the_domain_gives_each_and_the_next_steps_come_soonest_first()
    {
        var stages = harness.Instance().GetRequiredService<IApprovalStages>();
        await using var db = fixture.CreateContext();
        var requests = await db.ApprovalRequests.AsNoTracking().ToListAsync();

        var pending = await stages.PendingAsync(nextSteps: 3);

        var expected = requests.Select(SlaStages.Of).OfType<SlaStage>().GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Enum.GetValues<SlaStage>(), stage => Assert.Equal(expected.GetValueOrDefault(stage), pending.ByStage[stage]));
        Assert.Equal(requests.Count(r => r.Status == ApprovalStatus.Pending), pending.Total);
        Assert.Equal(3, pending.NextSteps.Count);
        Assert.Equal(pending.NextSteps.OrderBy(s => s.DueAt).Select(s => s.RequestId), pending.NextSteps.Select(s => s.RequestId));
        var first = requests.Where(r => r.Status == ApprovalStatus.Pending && r.NextDueAt != null).MinBy(r => r.NextDueAt)!;
        Assert.Equal(first.Id, pending.NextSteps[0].RequestId);
        Assert.Equal(first.NextDueAt, pending.NextSteps[0].DueAt);
    }

    [Fact]
    public async Task Each_days_approvals_rejections_and_expiries_are_counted_with_a_row_for_every_day()
    {
        var stages = harness.Instance().GetRequiredService<IApprovalStages>();
        await using var db = fixture.CreateContext();
        var requests = await db.ApprovalRequests.AsNoTracking().ToListAsync();

        var days = await stages.OutcomesPerDayAsync(14);

        Assert.Equal(14, days.Count);
        Assert.Equal(days.OrderBy(d => d.Day).Select(d => d.Day), days.Select(d => d.Day));
        var since = new DateTimeOffset(days[0].Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.Equal(requests.Count(r => r.Status == ApprovalStatus.Rejected && r.DecidedAt >= since), days.Sum(d => d.Rejected));
        Assert.Equal(requests.Count(r => r.Status == ApprovalStatus.Approved && r.DecidedAt >= since), days.Sum(d => d.Approved));
        Assert.Equal(requests.Count(r => r.ExpiredAt >= since), days.Sum(d => d.Expired));
        Assert.True(days.Sum(d => d.Approved + d.Rejected + d.Expired) > 0);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Platform.Jobs;
using OpsConsole.Tests.Integration.Support;
using Quartz;

namespace OpsConsole.Tests.Integration.Jobs;

[Trait("Category", "Integration")]
public class JobRunRecordingTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    static readonly DateTimeOffset Now = new(2026, 11, 2, 8, 30, 0, TimeSpan.Zero);
    readonly FakeTimeProvider clock = new(Now);

    [Fact]
    public async Task A_successful_run_is_recorded_with_its_outcome_and_counted()
    {
        var before = JobRunMetrics.Runs.WithLabels("probe-ok", "Succeeded").Value;
        await using var node = await JobNode.StartAsync(fixture.ConnectionString, (s, _) => s.AddJob<ProbeJob>("probe-ok", ProbeJob.Never), clock);

        await node.Scheduler.TriggerJob(new JobKey("probe-ok"));
        var run = await FinishedRunAsync("probe-ok");

        Assert.Equal(JobRunOutcome.Succeeded, run.LastOutcome);
        Assert.Null(run.LastError);
        Assert.Equal((1, 0), (run.RunCount, run.FailCount));
        Assert.Equal(Now, run.LastStartedAt);
        Assert.Equal(Now, run.LastFinishedAt);
        Assert.Equal(node.Scheduler.SchedulerInstanceId, run.LastInstance);
        Assert.Equal(before + 1, JobRunMetrics.Runs.WithLabels("probe-ok", "Succeeded").Value);
    }

    [Fact]
    public async Task A_failed_run_is_recorded_with_its_message_and_counted_as_a_failure()
    {
        var before = JobRunMetrics.Runs.WithLabels("probe-fail", "Failed").Value;
        await using var node = await JobNode.StartAsync(fixture.ConnectionString, (s, _) => s.AddJob<ProbeJob>("probe-fail", ProbeJob.Never), clock);

        await node.Scheduler.TriggerJob(new JobKey("probe-fail"), new JobDataMap { [ProbeJob.FailWith] = "the ledger is closed" });
        var failed = await FinishedRunAsync("probe-fail");

        Assert.Equal(JobRunOutcome.Failed, failed.LastOutcome);
        Assert.Equal("the ledger is closed", failed.LastError);
        Assert.Equal((1, 1), (failed.RunCount, failed.FailCount));
        Assert.Equal(before + 1, JobRunMetrics.Runs.WithLabels("probe-fail", "Failed").Value);

        // The next good run clears the error but keeps the count of failures.
        clock.Advance(TimeSpan.FromMinutes(1));
        await node.Scheduler.TriggerJob(new JobKey("probe-fail"));
        var recovered = await FinishedRunAsync("probe-fail", runCount: 2);
        Assert.Equal(JobRunOutcome.Succeeded, recovered.LastOutcome);
        Assert.Null(recovered.LastError);
        Assert.Equal((2, 1), (recovered.RunCount, recovered.FailCount));
        Assert.Equal(Now.AddMinutes(1), recovered.LastFinishedAt);
    }

    async Task<JobRunCurrent> FinishedRunAsync(string job, long runCount = 1) =>
        (await Poll.UntilAsync(async () =>
        {
            await using var db = fixture.CreateContext();
            return await db.JobRuns.AsNoTracking().SingleOrDefaultAsync(r => r.JobKey == job);
        }, r => r is not null && r.RunCount >= runCount && r.LastOutcome != JobRunOutcome.Running))!;
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpsConsole.Platform.Jobs;
using OpsConsole.Tests.Integration.Support;
using Quartz;

namespace OpsConsole.Tests.Integration.Jobs;

[Trait("Category", "Integration")]
public class ClusteredSchedulerTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Two_clustered_schedulers_on_one_database_run_each_firing_once()
    {
        var journal = new FiringJournal();
        void AddTick(IServiceCollection services, IConfiguration _)
        {
            services.AddSingleton(journal);
            services.AddJob<TickJob>("tick", TimeSpan.FromSeconds(1));
        }

        await using (var a = await JobNode.StartAsync(fixture.ConnectionString, AddTick))
        await using (var b = await JobNode.StartAsync(fixture.ConnectionString, AddTick))
        {
            Assert.NotEqual(a.Scheduler.SchedulerInstanceId, b.Scheduler.SchedulerInstanceId);
            Assert.Equal(
                new[] { a.Scheduler.SchedulerInstanceId, b.Scheduler.SchedulerInstanceId }.Order(StringComparer.Ordinal),
                (await ClusterMembersAsync()).Order(StringComparer.Ordinal));
            await Poll.UntilAsync(() => Task.FromResult(journal.Firings.Count), n => n >= 5);
        }

        Assert.All(journal.Firings, f => Assert.True(f.Value == 1, $"The firing scheduled for {f.Key:O} ran {f.Value} times."));
        await using var db = fixture.CreateContext();
        var recorded = await db.JobRuns.AsNoTracking().SingleAsync(r => r.JobKey == "tick");
        Assert.Equal(journal.Firings.Values.Sum(), recorded.RunCount);
    }

    [Fact]
    public async Task An_instance_with_jobs_off_joins_no_cluster_and_runs_no_firing()
    {
        var journal = new FiringJournal();
        void AddTick(IServiceCollection services, IConfiguration _)
        {
            services.AddSingleton(journal);
            services.AddJob<TickJob>("tick-off", TimeSpan.FromSeconds(1));
        }

        await using (var off = await JobNode.StartAsync(fixture.ConnectionString, AddTick,
            settings: new Dictionary<string, string?> { [JobsSettings.EnabledSetting] = "false" }))
        {
            await Task.Delay(TimeSpan.FromSeconds(3));

            Assert.Equal(SchedulerStatus.Created, await off.Scheduler.GetStatus());
            Assert.DoesNotContain(off.Scheduler.SchedulerInstanceId, await ClusterMembersAsync());
            // Its schedule is still declared, so the instances that run jobs and the System page know it.
            Assert.NotNull(await off.Scheduler.GetTrigger(new TriggerKey("tick-off")));
        }

        Assert.Empty(journal.Firings);
    }

    async Task<List<string>> ClusterMembersAsync()
    {
        await using var conn = new NpgsqlConnection(fixture.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state WHERE sched_name = @name", conn);
        cmd.Parameters.AddWithValue("name", JobsFeature.SchedulerName);
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>How many times each scheduled firing ran, across every node.</summary>
    sealed class FiringJournal
    {
        public ConcurrentDictionary<DateTimeOffset, int> Firings { get; } = new();
    }

    [DisallowConcurrentExecution]
    sealed class TickJob(FiringJournal journal) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            journal.Firings.AddOrUpdate(context.ScheduledFireTimeUtc ?? context.FireTimeUtc, 1, (_, n) => n + 1);
            return ValueTask.CompletedTask;
        }
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Platform.Jobs;
using OpsConsole.Tests.Integration.Support;
using Quartz;

namespace OpsConsole.Tests.Integration.Jobs;

[Trait("Category", "Integration")]
public class ShutdownTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    /// <summary>
    /// A job waiting on the app's clock (a transition's retry delay, a ledger close) is asked to stop when the app stops,
    /// instead of holding the stop until that clock moves: under a test clock it never would, and a stop that waits for
    /// it waits for ever.
    /// </summary>
    [Fact]
    public async Task Stopping_the_app_cancels_a_job_that_waits_on_the_clock_and_waits_for_it_to_unwind()
    {
        var waits = new ClockWaits();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));
        void AddWaiter(IServiceCollection services, IConfiguration _)
        {
            services.AddSingleton(waits);
            services.AddJob<ClockWaitJob>("clock-wait", ProbeJob.Never);
        }

        var node = await JobNode.StartAsync(fixture.ConnectionString, AddWaiter, clock);
        await node.Scheduler.TriggerJob(new JobKey("clock-wait"));
        await waits.Started.Task.WaitAsync(TimeSpan.FromMinutes(1));

        // Bounded so that a regression fails here instead of hanging the run; the stop itself takes well under a second.
        await node.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(waits.Unwound.Task.IsCompletedSuccessfully, "The job was not asked to stop before the app stopped.");
    }

    sealed class ClockWaits
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Unwound { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [DisallowConcurrentExecution]
    sealed class ClockWaitJob(ClockWaits waits, TimeProvider time) : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            waits.Started.TrySetResult();
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(5), time, cancellationToken);
            }
            finally
            {
                waits.Unwound.TrySetResult();
            }
        }
    }
}

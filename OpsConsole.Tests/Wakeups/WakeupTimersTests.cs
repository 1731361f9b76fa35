using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Platform.Wakeups;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Wakeups;

/// <summary>One instance's wake-up timer for one job, on a fake clock, with the job's work and its "when next" as fakes.</summary>
[Trait("Category", "Domain")]
public sealed class WakeupTimersTests : IDisposable
{
    const string Job = "TestJob";
    static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    readonly FakeTimeProvider clock = new(Start);
    readonly List<DateTimeOffset> runs = [];
    readonly WakeupTimers timers;
    DateTimeOffset? next;
    DateTimeOffset? ahead;
    TaskCompletionSource? holdRun;

    public WakeupTimersTests()
    {
        var source = new WakeupSource(Job, (_, after, _) => Task.FromResult(after is null ? next : ahead), async (_, _) =>
        {
            runs.Add(clock.GetUtcNow());
            if (holdRun is { } hold)
                await hold.Task;
        });
        timers = new WakeupTimers([source], new ServiceCollection().BuildServiceProvider(), clock, NullLogger<WakeupTimers>.Instance);
    }

    public void Dispose() => timers.Dispose();

    [Fact]
    public void Fires_at_the_earliest_time_it_heard_then_arms_for_what_the_work_left()
    {
        timers.OnSignal($"{Job} {Start.AddSeconds(10).UtcTicks}");
        timers.OnSignal($"{Job} {Start.AddSeconds(5).UtcTicks}");
        timers.OnSignal($"{Job} {Start.AddSeconds(20).UtcTicks}");
        timers.OnSignal($"OtherJob {Start.AddSeconds(1).UtcTicks}");
        Assert.Equal(Start.AddSeconds(5), timers.ArmedFor(Job));

        next = Start.AddSeconds(30);
        clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        Assert.Empty(runs);
        clock.Advance(TimeSpan.FromTicks(1));

        Assert.Equal([Start.AddSeconds(5)], runs);
        Assert.Equal(Start.AddSeconds(30), timers.ArmedFor(Job));
    }

    [Fact]
    public void On_listening_it_arms_for_what_the_database_says_and_with_nothing_ahead_stays_unarmed()
    {
        next = Start.AddMinutes(3);
        timers.OnListening();
        Assert.Equal(Start.AddMinutes(3), timers.ArmedFor(Job));

        next = null;
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Single(runs);
        Assert.Null(timers.ArmedFor(Job));
    }

    [Fact]
    public void Work_still_due_after_a_run_is_looked_at_again_after_a_pause_that_doubles()
    {
        next = Start;
        timers.Arm(Job, Start);
        Assert.Single(runs);
        Assert.Equal(Start.AddSeconds(1), timers.ArmedFor(Job));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Start.AddSeconds(3), timers.ArmedFor(Job));

        next = Start.AddMinutes(10);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(3, runs.Count);
        Assert.Equal(Start.AddMinutes(10), timers.ArmedFor(Job));
    }

    [Fact]
    public void Work_due_after_the_work_still_due_is_not_kept_waiting_by_the_pause()
    {
        (next, ahead) = (Start, Start.AddMilliseconds(600));
        timers.Arm(Job, Start);

        Assert.Single(runs);
        Assert.Equal(Start.AddMilliseconds(600), timers.ArmedFor(Job));
    }

    [Fact]
    public async Task A_signal_heard_while_the_work_runs_arms_the_timer_when_it_ends()
    {
        holdRun = new TaskCompletionSource();
        next = Start.AddHours(1);
        timers.Arm(Job, Start);
        Assert.Single(runs);

        timers.OnSignal($"{Job} {Start.AddSeconds(2).UtcTicks}");
        Assert.Null(timers.ArmedFor(Job));
        holdRun.SetResult();

        await Eventually.TrueAsync(() => timers.ArmedFor(Job) == Start.AddSeconds(2), "armed for the time heard during the run");
    }
}

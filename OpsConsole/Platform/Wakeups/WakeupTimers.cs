using Microsoft.Extensions.Options;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Live;
using Quartz;

namespace OpsConsole.Platform.Wakeups;

/// <summary>
/// Each instance's wake-up timers: one per woken job, armed for the earliest time that job has work. A signal from any
/// instance's commit arms it earlier; when it fires, this instance does the job's work itself (claims skip the rows
/// another instance holds, so instances share the work), then asks the database when the job next has work and arms
/// for that. Work still due after a run (rows another instance holds, or work that keeps failing) is looked at again
/// after a pause that doubles up to <see cref="MaxPause"/>. A paused job is not run, nor any on an instance that runs
/// no jobs (<see cref="JobsSettings"/>). The jobs' own schedules stay as
/// the net under all of this.
/// </summary>
public sealed class WakeupTimers : ISignalListener, IDisposable
{
    static readonly TimeSpan MinPause = TimeSpan.FromSeconds(1);
    static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(15);
    // Longer waits are cut short (ITimer takes at most about 49 days); firing early only finds nothing and re-arms.
    static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    readonly Dictionary<string, Slot> slots;
    readonly IServiceProvider services;
    readonly TimeProvider time;
    readonly ILogger<WakeupTimers> log;
    readonly CancellationTokenSource stopping = new();

    public WakeupTimers(IEnumerable<WakeupSource> sources, IServiceProvider services, TimeProvider time, ILogger<WakeupTimers> log)
    {
        (this.services, this.time, this.log) = (services, time, log);
        slots = sources.ToDictionary(s => s.Job, s => new Slot(s), StringComparer.Ordinal);
        foreach (var slot in slots.Values)
            slot.Timer = time.CreateTimer(_ => Fire(slot), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Channel => WakeupSignal.Channel;

    public void OnSignal(string payload)
    {
        if (WakeupSignal.TryParse(payload, out var job, out var at))
            Arm(job, at);
    }

    public void OnListening()
    {
        foreach (var slot in slots.Values)
            _ = ArmFromDatabaseAsync(slot);
    }

    /// <summary>Arms the job's timer for <paramref name="at"/> unless it is armed earlier already; a job this instance does
    /// not wake is ignored.</summary>
    public void Arm(string job, DateTimeOffset at)
    {
        if (slots.TryGetValue(job, out var slot))
            lock (slot)
                ArmLocked(slot, at);
    }

    /// <summary>When the job's timer fires next; null when it is not armed (or the job's work is running).</summary>
    public DateTimeOffset? ArmedFor(string job)
    {
        var slot = slots[job];
        lock (slot)
            return slot.Armed;
    }

    void ArmLocked(Slot slot, DateTimeOffset at)
    {
        if (slot.Running)
        {
            // Armed when the run ends, for whichever comes first: this or what the run finds.
            slot.Heard = slot.Heard < at ? slot.Heard : at;
            return;
        }
        if (slot.Armed <= at)
            return;
        slot.Armed = at;
        var wait = at - time.GetUtcNow();
        slot.Timer!.Change(wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < MaxWait ? wait : MaxWait, Timeout.InfiniteTimeSpan);
    }

    void Fire(Slot slot)
    {
        lock (slot)
        {
            if (slot.Running || stopping.IsCancellationRequested)
                return;
            (slot.Running, slot.Armed) = (true, null);
        }
        _ = RunAsync(slot);
    }

    async Task RunAsync(Slot slot)
    {
        DateTimeOffset? next;
        try
        {
            if (await IsPausedAsync(slot.Source.Job))
                next = time.GetUtcNow() + MaxPause;
            else
            {
                await slot.Source.RunAsync(services, stopping.Token);
                // Nothing more to do, or work ahead: armed for it. Work still due (another instance is on it, or it keeps
                // failing): looked at again after a pause, or at the first work after it, whichever comes first.
                var now = time.GetUtcNow();
                var earliest = await slot.Source.EarliestAsync(services, null, stopping.Token);
                next = earliest is null || earliest > now ? Rested(slot, earliest)
                    : Earlier(Later(slot), await slot.Source.EarliestAsync(services, now, stopping.Token));
            }
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            WakeupLog.RunFailed(log, ex, slot.Source.Job);
            next = Later(slot);
        }
        lock (slot)
        {
            slot.Running = false;
            var heard = slot.Heard;
            slot.Heard = null;
            if (heard is not null || next is not null)
                ArmLocked(slot, heard < next || next is null ? heard!.Value : next.Value);
        }
    }

    async Task ArmFromDatabaseAsync(Slot slot)
    {
        try
        {
            if (await slot.Source.EarliestAsync(services, null, stopping.Token) is { } at)
                Arm(slot.Source.Job, at);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            WakeupLog.LookupFailed(log, ex, slot.Source.Job);
            Arm(slot.Source.Job, time.GetUtcNow() + MaxPause);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
        }
    }

    // An instance that runs no jobs (Jobs:Enabled false) counts every job as paused.
    async Task<bool> IsPausedAsync(string job) =>
        services.GetService<IOptions<JobsSettings>>()?.Value.Enabled == false
        || services.GetKeyedService<IScheduler>(JobsFeature.SchedulerName) is { } scheduler
            && await scheduler.GetTriggerState(new TriggerKey(job), stopping.Token) == TriggerState.Paused;

    static DateTimeOffset? Rested(Slot slot, DateTimeOffset? earliest)
    {
        slot.Pause = MinPause;
        return earliest;
    }

    static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset? b) => b < a ? b.Value : a;

    DateTimeOffset Later(Slot slot)
    {
        var at = time.GetUtcNow() + slot.Pause;
        slot.Pause = slot.Pause * 2 < MaxPause ? slot.Pause * 2 : MaxPause;
        return at;
    }

    public void Dispose()
    {
        // Disposed as itself and as a signal listener: the second time finds nothing to do.
        if (stopping.IsCancellationRequested)
            return;
        stopping.Cancel();
        foreach (var slot in slots.Values)
            slot.Timer?.Dispose();
    }

    sealed class Slot(WakeupSource source)
    {
        public WakeupSource Source { get; } = source;
        public ITimer? Timer;
        public DateTimeOffset? Armed;
        public DateTimeOffset? Heard;
        public bool Running;
        public TimeSpan Pause = MinPause;
    }
}

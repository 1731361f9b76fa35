using System.Collections.Immutable;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Funding.Pipeline;
using OpsConsole.Platform.Live;

namespace OpsConsole.Features.Wall;

/// <summary>
/// What every wall on this instance shows, read once for all of them: afresh when a wall opens or comes back, every
/// <see cref="RefreshEvery"/> while a wall is open (for the freshness of its sources and the SLA stages that move with
/// time), and at once on each change of the alerts, approvals, dead-letters and funding topics (followed as a wall
/// display, so it sees what a wall may see), where only the part of that topic is read again. Reads asked for while one
/// runs are served by the next one, so a burst of changes or two hundred walls reconnecting cost one or two reads, never
/// one each.
/// </summary>
public sealed partial class WallBoard(
    IAlertOverview alerts,
    IApprovalStages approvals,
    IUnresolvedDeadLetters deadLetters,
    IFundingPipeline funding,
    ILiveFeed live,
    ILiveLink link,
    TimeProvider time,
    ILogger<WallBoard> log) : BackgroundService
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);
    public const int NextSteps = 5;
    static readonly Dictionary<string, WallParts> Topics = new()
    {
        [LiveTopics.Alerts] = WallParts.Alerts,
        [LiveTopics.Approvals] = WallParts.Approvals,
        [LiveTopics.DeadLetters] = WallParts.DeadLetters,
        [LiveTopics.Funding] = WallParts.Funding,
    };

    readonly SemaphoreSlim reading = new(1, 1);
    readonly TaskCompletionSource<Task<bool[]>> followed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    ImmutableList<Func<WallSnapshot, Task>> viewers = [];
    long asked;
    long answered;
    int stale;
    WallSnapshot? current;

    /// <summary>The last snapshot read, or null before the first.</summary>
    public WallSnapshot? Current => current;

    public int Viewers => viewers.Count;

    /// <summary>Whether the board follows each of its topics, once it has asked: the host starts it on a thread of its own,
    /// so a test waits for this before it announces a change.</summary>
    internal async Task<bool[]> FollowingAsync() => await await followed.Task;

    /// <summary>Calls <paramref name="viewer"/> with each new snapshot until the returned handle is disposed.</summary>
    public IDisposable Watch(Func<WallSnapshot, Task> viewer)
    {
        ImmutableInterlocked.Update(ref viewers, list => list.Add(viewer));
        return new Leave(() => ImmutableInterlocked.Update(ref viewers, list => list.Remove(viewer)));
    }

    /// <summary>A snapshot whose <paramref name="parts"/> were read after this call began: a read already under way when
    /// it was asked does not count.</summary>
    public async Task<WallSnapshot> RefreshAsync(WallParts parts = WallParts.All, CancellationToken ct = default)
    {
        // The parts are marked before the ticket is taken, so the read that covers the ticket reads them.
        Interlocked.Or(ref stale, (int)parts);
        var ticket = Interlocked.Increment(ref asked);
        await reading.WaitAsync(ct);
        try
        {
            if (Interlocked.Read(ref answered) >= ticket && current is { } fresh)
                return fresh;
            var covers = Interlocked.Read(ref asked);
            var marked = (WallParts)Interlocked.Exchange(ref stale, 0);
            // Before the first good read, and after a failed one, every part is read.
            var snapshot = await ReadAsync(current is null || current.ReadFailedAt is not null ? WallParts.All : marked, ct);
            current = snapshot;
            Interlocked.Exchange(ref answered, covers);
            foreach (var viewer in viewers)
                _ = ShowAsync(viewer, snapshot);
            return snapshot;
        }
        finally
        {
            reading.Release();
        }
    }

    async Task<WallSnapshot> ReadAsync(WallParts parts, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        try
        {
            // The parts in parallel, each on a connection of its own; a part not asked for is kept as it was.
            var alertsRead = parts.HasFlag(WallParts.Alerts) ? alerts.ReadAsync(ct) : Task.FromResult(current!.Alerts);
            var approvalsRead = parts.HasFlag(WallParts.Approvals) ? approvals.PendingAsync(NextSteps, ct) : Task.FromResult(current!.Approvals);
            var deadLettersRead = parts.HasFlag(WallParts.DeadLetters) ? deadLetters.UnresolvedBySourceAsync(ct) : Task.FromResult(current!.DeadLetters);
            var fundingRead = parts.HasFlag(WallParts.Funding) ? funding.ReadAsync(ct) : Task.FromResult(current!.Funding);
            var read = new WallSnapshot(now, await alertsRead, await approvalsRead, await deadLettersRead, await fundingRead, link.IsListening);
            // The wall is as fresh as its oldest part: after a read of some parts, as of the last read of all.
            return parts == WallParts.All ? read : read with { AsOf = current!.AsOf };
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            ReadFailed(log, ex);
            // The parts read before the failure count as unread again, and the last good state stays on the wall, marked
            // with the time it could no longer be read.
            Interlocked.Or(ref stale, (int)parts);
            return (current ?? WallSnapshot.Unread(now)) with { ReadFailedAt = current?.ReadFailedAt ?? now, LiveListening = link.IsListening };
        }
    }

    async Task ShowAsync(Func<WallSnapshot, Task> viewer, WallSnapshot snapshot)
    {
        try
        {
            await viewer(snapshot);
        }
        catch (Exception ex)
        {
            // A wall whose circuit just went away; the others are unaffected.
            ViewerFailed(log, ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Followed for the life of the instance; a change only costs a read while a wall is open.
        var display = WallAccess.Display("board");
        List<LiveSubscription> following = [.. Topics.Select(topic => live.Subscribe(display, topic.Key, change => OnChangeAsync(topic.Value)))];
        followed.TrySetResult(Task.WhenAll(following.Select(f => f.Following)));
        try
        {
            using var timer = new PeriodicTimer(RefreshEvery, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
                if (!viewers.IsEmpty)
                    await RefreshAsync(WallParts.All, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            following.ForEach(f => f.Dispose());
        }
    }

    Task OnChangeAsync(WallParts part)
    {
        // The relay waits for its handlers, so the read runs on its own.
        if (!viewers.IsEmpty)
            _ = RefreshQuietlyAsync(part);
        return Task.CompletedTask;
    }

    async Task RefreshQuietlyAsync(WallParts part)
    {
        try
        {
            await RefreshAsync(part);
        }
        catch (Exception ex)
        {
            ReadFailed(log, ex);
        }
    }

    sealed class Leave(Action leave) : IDisposable
    {
        int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
                leave();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The wall could not read the current state; it keeps showing the last one it read")]
    static partial void ReadFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A wall could not be shown a new snapshot")]
    static partial void ViewerFailed(ILogger logger, Exception ex);
}

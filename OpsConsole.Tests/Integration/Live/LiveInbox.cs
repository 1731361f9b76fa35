using System.Collections.Concurrent;
using System.Threading.Channels;
using OpsConsole.Platform.Live;

namespace OpsConsole.Tests.Integration.Live;

/// <summary>Collects live changes from a feed or hub client and lets a test wait, bounded, for a particular one.</summary>
sealed class LiveInbox
{
    readonly Channel<LiveChange> pending = Channel.CreateUnbounded<LiveChange>();
    readonly ConcurrentQueue<LiveChange> all = new();

    public IReadOnlyCollection<LiveChange> All => all.ToArray();

    public Task Add(LiveChange change)
    {
        all.Enqueue(change);
        pending.Writer.TryWrite(change);
        return Task.CompletedTask;
    }

    public async Task<LiveChange> WaitForAsync(Func<LiveChange, bool> match, string what)
    {
        var timeout = TimeSpan.FromSeconds(10);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var change = await pending.Reader.ReadAsync(cts.Token);
                if (match(change))
                    return change;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No live change {what} within {timeout}; received: {string.Join("; ", all)}");
        }
    }
}

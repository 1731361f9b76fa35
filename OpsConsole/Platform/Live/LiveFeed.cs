using System.Collections.Immutable;

namespace OpsConsole.Platform.Live;

/// <summary>The in-process fan-out of live changes; the relay publishes into it, components subscribe.</summary>
public sealed class LiveFeed(ILogger<LiveFeed> log) : ILiveFeed
{
    readonly Lock gate = new();
    ImmutableDictionary<string, ImmutableList<Func<LiveChange, Task>>> handlers =
        ImmutableDictionary<string, ImmutableList<Func<LiveChange, Task>>>.Empty;

    public IDisposable Subscribe(string topic, Func<LiveChange, Task> handler)
    {
        if (!LiveTopics.IsKnown(topic))
            throw new ArgumentException($"Unknown live topic '{topic}'; known topics are {string.Join(", ", LiveTopics.All)}.", nameof(topic));
        lock (gate)
            handlers = handlers.SetItem(topic, handlers.GetValueOrDefault(topic, []).Add(handler));
        return new Subscription(() =>
        {
            lock (gate)
                handlers = handlers.SetItem(topic, handlers.GetValueOrDefault(topic, []).Remove(handler));
        });
    }

    /// <summary>Hands the change to every handler of its topic; a failing handler is logged and does not stop the others.</summary>
    public Task PublishAsync(LiveChange change)
    {
        var current = handlers.GetValueOrDefault(change.Topic, []);
        return current.IsEmpty ? Task.CompletedTask : Task.WhenAll(current.Select(h => InvokeAsync(h, change)));
    }

    async Task InvokeAsync(Func<LiveChange, Task> handler, LiveChange change)
    {
        try
        {
            await handler(change);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "A live handler for {Topic} failed on a {Kind} change", change.Topic, change.Kind);
        }
    }

    sealed class Subscription(Action remove) : IDisposable
    {
        int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                remove();
        }
    }
}

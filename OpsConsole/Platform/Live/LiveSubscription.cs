namespace OpsConsole.Platform.Live;

/// <summary>
/// One component's following of a topic. The audience check may finish after <see cref="ILiveFeed.Subscribe"/> returns,
/// so disposing first is safe: a subscription disposed before it was granted never starts.
/// </summary>
public sealed class LiveSubscription : IDisposable
{
    readonly Lock gate = new();
    Action? leave;
    bool disposed;

    /// <summary>Completes with true once the user is following, false when refused or disposed first.</summary>
    public Task<bool> Following { get; internal set; } = Task.FromResult(false);

    /// <summary>Runs <paramref name="join"/> unless already disposed, and <paramref name="leaveAgain"/> on disposal.</summary>
    internal bool TryJoin(Action join, Action leaveAgain)
    {
        lock (gate)
        {
            if (disposed)
                return false;
            join();
            leave = leaveAgain;
            return true;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
                return;
            disposed = true;
            leave?.Invoke();
        }
    }
}

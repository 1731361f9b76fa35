namespace OpsConsole.Platform.Live;

/// <summary>
/// Turns a burst of live changes (a bulk action announces one per record) into one reload shortly after, and returns
/// at once, since the live feed waits for its handlers before it passes on the next change.
/// </summary>
public sealed class LiveRefresher(Func<Task> reload, TimeSpan? settle = null) : IDisposable
{
    readonly TimeSpan settle = settle ?? TimeSpan.FromMilliseconds(300);
    readonly CancellationTokenSource stop = new();
    int pending;

    public Task OnChangeAsync(LiveChange change)
    {
        if (Interlocked.Exchange(ref pending, 1) == 0)
            _ = ReloadSoonAsync();
        return Task.CompletedTask;
    }

    async Task ReloadSoonAsync()
    {
        try
        {
            await Task.Delay(settle, stop.Token);
            Volatile.Write(ref pending, 0);
            await reload();
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // The component went away between the change and the reload.
        }
    }

    public void Dispose() => stop.Cancel();
}

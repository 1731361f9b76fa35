namespace OpsConsole.Platform.Live;

/// <summary>
/// Live changes inside this instance, for server-side components: subscribe to a topic and re-render on each change.
/// Handlers should be quick (reload and re-render); the relay awaits them before it passes on the next change.
/// </summary>
public interface ILiveFeed
{
    /// <summary>Calls the handler for every change on the topic until the returned subscription is disposed.</summary>
    IDisposable Subscribe(string topic, Func<LiveChange, Task> handler);
}

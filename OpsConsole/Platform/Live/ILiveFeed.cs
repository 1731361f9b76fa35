using System.Security.Claims;

namespace OpsConsole.Platform.Live;

/// <summary>
/// Live changes inside this instance, for server-side components: follow a topic as the circuit's user and re-render on
/// each change that user may see. Handlers should be quick (reload and re-render); the relay awaits them before it
/// passes on the next change.
/// </summary>
public interface ILiveFeed
{
    /// <summary>
    /// Calls the handler for every change on the topic that the user may see, until the subscription is disposed. The
    /// user is checked as hub clients are (<see cref="LiveAudienceCheck"/>): outside the topic's audience the handler is
    /// simply never called, and on a per-user topic only the changes about the user's own id reach it. An unknown
    /// topic is a programming error and throws.
    /// </summary>
    LiveSubscription Subscribe(ClaimsPrincipal user, string topic, Func<LiveChange, Task> handler);
}

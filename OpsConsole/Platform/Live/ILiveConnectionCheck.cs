using System.Security.Claims;

namespace OpsConsole.Platform.Live;

/// <summary>
/// Whether the sign-in a hub connection was opened with still holds as it was: the feature that owns sign-in says so
/// (an ended session, a disabled user or changed roles do not). A connection whose sign-in no longer holds is closed by
/// <see cref="LiveConnections"/>; its client must connect again, with whatever sign-in it has now.
/// </summary>
public interface ILiveConnectionCheck
{
    Task<bool> HoldsAsync(ClaimsPrincipal user, CancellationToken ct);
}

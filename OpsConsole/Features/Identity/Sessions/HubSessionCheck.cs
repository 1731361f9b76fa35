using System.Security.Claims;
using OpsConsole.Platform.Live;

namespace OpsConsole.Features.Identity.Sessions;

/// <summary>A hub connection opened with a session sign-in holds while that session lasts unchanged; one opened
/// without a session (none of this feature's) is not this check's to judge.</summary>
sealed class HubSessionCheck(SessionCheck check) : ILiveConnectionCheck
{
    public async Task<bool> HoldsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        SessionClaims.SessionOf(user) is null || await check.CheckAsync(user, ct) == SessionVerdict.Lasts;
}

using System.Security.Claims;
using Microsoft.Extensions.Options;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Live;

namespace OpsConsole.Features.Wall;

/// <summary>A hub connection opened by a wall display holds while the token that opened it is still Wall:Token; any
/// other connection is not this check's to judge.</summary>
sealed class WallConnectionCheck(IOptions<WallSettings> settings) : ILiveConnectionCheck
{
    public Task<bool> HoldsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        Task.FromResult(!OpsPolicies.IsWallDisplay(user) || WallAccess.Holds(user, settings.Value));
}

using System.Security.Claims;

namespace OpsConsole.Tests.Integration.Live;

/// <summary>Principals as the sign-in cookie carries them (a user id and roles), for following topics in process.</summary>
static class LiveUsers
{
    public static ClaimsPrincipal Signed(string userId, params string[] roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
        "test"));

    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());
}

using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OpsConsole.Features.Wall;

/// <summary>
/// Who a request is from, as the app's default: the person signed in with the console's cookie; and only on the wall's
/// own paths (<see cref="WallAccess.IsWallPath"/>), when nobody is signed in, a wall display with a valid wall cookie.
/// Challenges and refusals stay the sign-in cookie's (to /login), since this scheme only authenticates.
/// </summary>
sealed class SignedInOrWallHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var person = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (person.Succeeded || !WallAccess.IsWallPath(Request.Path))
            return person;
        var wall = await Context.AuthenticateAsync(WallAccess.CookieScheme);
        return wall.Succeeded ? wall : person;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.ChallengeAsync(IdentityConstants.ApplicationScheme, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.ForbidAsync(IdentityConstants.ApplicationScheme, properties);
}

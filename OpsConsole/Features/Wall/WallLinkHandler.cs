using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpsConsole.Platform.Security;

namespace OpsConsole.Features.Wall;

/// <summary>
/// Answers <c>GET /wall?token=…</c> before anything else sees it: a token equal to Wall:Token (compared in constant
/// time) sets the wall cookie and redirects to <c>/wall</c>, so the token stays neither in the address bar nor in the
/// history; any other token clears the cookie and is refused with 403. The token is never logged or written back.
/// </summary>
sealed class WallLinkHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<WallSettings> settings) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder), IAuthenticationRequestHandler
{
    public async Task<bool> HandleRequestAsync()
    {
        if (!HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method)
            || !Request.Path.Equals(WallAccess.PagePath, StringComparison.OrdinalIgnoreCase)
            || !Request.Query.TryGetValue(WallAccess.TokenParameter, out var presented))
            return false;
        var wall = settings.Value;
        if (wall.TokenEnabled && presented.Count == 1 && Secrets.Match(presented[0] ?? "", wall.Token))
        {
            await Context.SignInAsync(WallAccess.CookieScheme, WallAccess.Display(wall.TokenFingerprint), new AuthenticationProperties { IsPersistent = true });
            Response.StatusCode = StatusCodes.Status303SeeOther;
            Response.Headers.Location = WallAccess.PagePath;
            return true;
        }
        await Context.SignOutAsync(WallAccess.CookieScheme);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.ContentType = "text/plain; charset=utf-8";
        await Response.WriteAsync(wall.TokenEnabled
            ? "This wall link is not accepted: its token is not the console's wall token. Ask an Admin for the current wall link."
            : "This wall link is not accepted: the console has no wall token set. Sign in to see the wall.");
        return true;
    }

    // The link is answered above; on any other request this scheme knows nobody.
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
}

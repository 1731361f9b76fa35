using System.Security.Claims;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Live;

namespace OpsConsole.Features.Wall;

/// <summary>
/// How a TV reaches the wall without a person's sign-in: <c>/wall?token=…</c> sets the wall cookie and sends it back to
/// <c>/wall</c> without the token, and the cookie is read on the wall's own paths only (the page, its circuit and the
/// live hub). Everywhere else the display is nobody, and even on those paths it is a wall display, which no policy but
/// the wall's and its topics' admits.
/// </summary>
public static class WallAccess
{
    public const string PagePath = "/wall";
    public const string TokenParameter = "token";
    public const string CookieScheme = "Wall";
    public const string LinkScheme = "WallLink";
    public const string SignedInOrWallScheme = "SignedInOrWall";
    public const string CookieName = "ops.wall";
    public const string DisplayName = "wall display";

    /// <summary>Blazor's circuit hub, where the wall page lives once it is interactive.</summary>
    const string CircuitPath = "/_blazor";

    /// <summary>The paths on which a wall cookie counts: the page, its circuit and the live hub.</summary>
    public static bool IsWallPath(PathString path) =>
        path.Equals(PagePath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(CircuitPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(OpsHub.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>A wall display opened with the token whose fingerprint is given.</summary>
    public static ClaimsPrincipal Display(string fingerprint) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, DisplayName), new Claim(OpsClaims.WallDisplay, fingerprint)], CookieScheme));

    /// <summary>Whether the principal is a wall display opened with the token now configured.</summary>
    public static bool Holds(ClaimsPrincipal user, WallSettings settings) =>
        settings.TokenEnabled && user.FindFirst(OpsClaims.WallDisplay)?.Value == settings.TokenFingerprint;
}

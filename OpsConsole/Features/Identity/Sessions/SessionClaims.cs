using System.Security.Claims;

namespace OpsConsole.Features.Identity.Sessions;

/// <summary>The claim that ties a principal to its server-side session, so circuits and pages know which one they are.</summary>
public static class SessionClaims
{
    public const string SessionId = "ops:session";

    public static Guid? SessionOf(ClaimsPrincipal user) =>
        Guid.TryParseExact(user.FindFirstValue(SessionId), "N", out var id) ? id : null;

    /// <summary>Adds the claim when the principal does not carry it yet (a principal rebuilt from the account has none).</summary>
    public static void Carry(ClaimsPrincipal user, Guid id)
    {
        if (SessionOf(user) == id || user.Identity is not ClaimsIdentity identity)
            return;
        foreach (var stale in identity.FindAll(SessionId).ToList())
            identity.RemoveClaim(stale);
        identity.AddClaim(new Claim(SessionId, id.ToString("N")));
    }
}

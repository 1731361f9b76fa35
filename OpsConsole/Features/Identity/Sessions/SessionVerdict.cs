using System.Security.Claims;

namespace OpsConsole.Features.Identity.Sessions;

/// <summary>What a check of an open circuit's session found: it goes on, it goes on with fresher claims, or it ended and why.</summary>
public sealed record SessionVerdict(string? Ended, ClaimsPrincipal? Fresher)
{
    public static SessionVerdict Lasts { get; } = new(null, null);

    public static SessionVerdict EndedBecause(string why) => new(why, null);

    public static SessionVerdict Refreshed(ClaimsPrincipal fresher) => new(null, fresher);
}

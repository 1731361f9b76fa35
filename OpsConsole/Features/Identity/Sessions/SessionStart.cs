using System.Security.Claims;

namespace OpsConsole.Features.Identity.Sessions;

/// <summary>What a new sign-in records about itself: whose it is and where it came from.</summary>
public sealed record SessionStart(string UserId, string Email, string ClientAddress, string UserAgent)
{
    public const int MaxAddressLength = 64;
    public const int MaxUserAgentLength = 512;

    /// <summary>From the signed-in principal and the request; a missing address or agent is kept as empty.</summary>
    public static SessionStart From(ClaimsPrincipal user, HttpContext? http) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A session needs the user's id."),
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "",
        Cut(http?.Connection.RemoteIpAddress?.ToString() ?? "", MaxAddressLength),
        Cut(http?.Request.Headers.UserAgent.ToString() ?? "", MaxUserAgentLength));

    static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}

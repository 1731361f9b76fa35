using System.Security.Claims;

namespace OpsConsole.Features.Alerts;

/// <summary>Who a signed-in person is in alert records and the audit trail: their email, else their name.</summary>
static class AlertActors
{
    public static string Of(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name
        ?? throw new InvalidOperationException("A principal without an email or name cannot be audited.");
}

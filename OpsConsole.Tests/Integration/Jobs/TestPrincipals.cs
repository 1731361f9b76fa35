using System.Security.Claims;
using OpsConsole.Features.Identity;

namespace OpsConsole.Tests.Integration.Jobs;

static class TestPrincipals
{
    public static ClaimsPrincipal WithRole(string email, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Email, email), new Claim(ClaimTypes.Role, role)], "test"));

    public static readonly ClaimsPrincipal Admin = WithRole("admin@demo.local", Roles.Admin);
    public static readonly ClaimsPrincipal Viewer = WithRole("viewer@demo.local", Roles.Viewer);
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Identity;

/// <summary>Adds the display name and departments to the sign-in cookie so pages need no lookup to show them.</summary>
sealed class OpsClaimsFactory(UserManager<OpsUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, OpsDbContext db)
    : UserClaimsPrincipalFactory<OpsUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OpsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OpsClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.UserName! : user.DisplayName));
        var departments = await db.UserDepartments.Where(d => d.UserId == user.Id).Select(d => d.DepartmentId).ToListAsync();
        foreach (var department in departments)
            identity.AddClaim(new Claim(OpsClaims.Department, department));
        return identity;
    }
}

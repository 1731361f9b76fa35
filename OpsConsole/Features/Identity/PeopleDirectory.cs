using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Identity;

/// <summary>Identity's tables answering <see cref="IPeopleDirectory"/>; disabled users are never anyone's contact or actor.</summary>
sealed class PeopleDirectory(IServiceScopeFactory scopes) : IPeopleDirectory
{
    public async Task<IReadOnlyList<PersonContact>> ActiveHoldersAsync(OpsDbContext db, string role, string? department, CancellationToken ct)
    {
        var query =
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == role && !u.IsDisabled && u.Email != null
            select u;
        if (department is { } only)
        {
            // Read outside the lambda: an extension property cannot appear in an expression tree.
            var memberships = db.UserDepartments;
            query = query.Where(u => memberships.Any(d => d.UserId == u.Id && d.DepartmentId == only));
        }
        return await query.Select(u => new PersonContact(u.Id, u.Email!)).Distinct().ToListAsync(ct);
    }

    public async Task<IReadOnlyList<PersonContact>> ActiveMembersAsync(OpsDbContext db, string department, CancellationToken ct) =>
        await (
            from u in db.Users
            join d in db.UserDepartments on u.Id equals d.UserId
            where d.DepartmentId == department && !u.IsDisabled && u.Email != null
            select new PersonContact(u.Id, u.Email!)).Distinct().ToListAsync(ct);

    public async Task<string?> ActiveUserIdAsync(OpsDbContext db, string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedEmail == normalized && !u.IsDisabled).Select(u => u.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<RoleHolder>> ActiveRoleHoldersAsync(OpsDbContext db, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var names = roles.ToArray();
        return await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where !u.IsDisabled && u.Email != null && names.Contains(r.Name!)
            select new RoleHolder(u.Email!, u.DisplayName, r.Name!)).AsNoTracking().ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<string, string>> EmailsAsync(OpsDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0)
            return new Dictionary<string, string>();
        var ids = userIds.ToArray();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
    }

    public async Task<ClaimsPrincipal?> ActivePrincipalAsync(string email, CancellationToken ct)
    {
        // Built as sign-in builds it, so whoever reads the principal sees the same roles and departments.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
        return await users.FindByEmailAsync(email) is { IsDisabled: false } user
            ? await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<OpsUser>>().CreateAsync(user)
            : null;
    }
}

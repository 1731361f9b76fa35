using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Identity;
using OpsConsole.Features.Identity.Sessions;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Identity;

/// <summary>
/// Lists and changes the console's users. Each call checks that the caller is an active Admin (hidden buttons are not
/// a control), and each change is a guarded transition with its audit event.
/// </summary>
public sealed class UserDirectory(IServiceScopeFactory scopes, IAuthorizationService authorization, GuardedTransitions transitions, TimeProvider time)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(ClaimsPrincipal caller, CancellationToken ct = default)
    {
        await DemandAdminAsync(caller);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpsDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = (await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        var departments = (await db.UserDepartments.AsNoTracking().ToListAsync(ct)).ToLookup(x => x.UserId, x => x.DepartmentId);
        return users.Select(u => new UserSummary(u.Id, u.Email ?? u.UserName ?? "", u.DisplayName,
            roles[u.Id].Order().ToList(), departments[u.Id].Order().ToList(), u.IsDisabled, u.CreatedAt)).ToList();
    }

    public async Task<IReadOnlyList<Department>> DepartmentsAsync(ClaimsPrincipal caller, CancellationToken ct = default)
    {
        await DemandAdminAsync(caller);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpsDbContext>();
        return await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
    }

    public Task<UserChangeResult> CreateAsync(ClaimsPrincipal caller, NewUser input, CancellationToken ct = default) =>
        ChangeAsync(caller, "user.created", UserInput.NormalizeEmail(input.Email), async (s, actor) =>
        {
            var email = UserInput.NormalizeEmail(input.Email);
            var user = new OpsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = (input.DisplayName ?? "").Trim(), CreatedAt = time.GetUtcNow() };
            var roles = input.Roles.Distinct().Order().ToList();
            var departments = input.Departments.Distinct().Order().ToList();
            var errors = UserInput.CheckEmail(email).ToList();
            if (errors.Count == 0 && await s.Users.FindByEmailAsync(email) is not null)
                errors.Add(new(UserInput.EmailField, $"A user with the email {email} already exists."));
            errors.AddRange(UserInput.CheckDisplayName(user.DisplayName));
            errors.AddRange(UserInput.CheckRoles(roles));
            errors.AddRange(await s.CheckDepartmentsAsync(departments, ct));
            errors.AddRange(await UserInput.CheckPasswordAsync(s.Users, user, input.Password));
            if (errors.Count > 0)
                return UserChangeResult.Refused(errors);

            if (await Applied(() => s.Users.CreateAsync(user, input.Password), () => s.Users.AddToRolesAsync(user, roles)) is { } refused)
                return refused;
            s.Db.UserDepartments.AddRange(departments.Select(d => new UserDepartment { UserId = user.Id, DepartmentId = d }));
            s.Audit(actor.Email!, "user.created", email,
                new() { ["displayName"] = user.DisplayName, ["roles"] = Json(roles), ["departments"] = Json(departments) });
            return UserChangeResult.Done;
        }, ct);

    public Task<UserChangeResult> SetRolesAsync(ClaimsPrincipal caller, string userId, IReadOnlyCollection<string> roles, CancellationToken ct = default) =>
        ChangeUserAsync(caller, "user.roles_changed", userId, async (s, actor, target) =>
        {
            var after = roles.Distinct().Order().ToList();
            if (UserInput.CheckRoles(after).ToList() is { Count: > 0 } errors)
                return UserChangeResult.Refused(errors);
            var before = (await s.Users.GetRolesAsync(target)).Order().ToList();
            if (before.SequenceEqual(after))
                return UserChangeResult.Done;
            if (before.Contains(Roles.Admin) && !after.Contains(Roles.Admin)
                && AdminContinuity.Refusal(AccountChange.RemoveAdminRole, target.Id == actor.Id, !target.IsDisabled, await s.ActiveAdminCountAsync()) is { } why)
                return UserChangeResult.Refused(UserInput.RolesField, why);

            if (await Applied(() => s.Users.RemoveFromRolesAsync(target, before.Except(after)),
                    () => s.Users.AddToRolesAsync(target, after.Except(before)), () => s.Users.UpdateSecurityStampAsync(target)) is { } refused)
                return refused;
            s.Audit(actor.Email!, "user.roles_changed", target.Email!, new() { ["before"] = Json(before), ["after"] = Json(after) });
            // Roles are what a session may do: a new set of them takes a new sign-in.
            await s.EndSessionsAsync(target, SessionEndReason.RolesChanged, actor.Email!, ct);
            return UserChangeResult.Done;
        }, ct);

    public Task<UserChangeResult> SetDepartmentsAsync(ClaimsPrincipal caller, string userId, IReadOnlyCollection<string> departments, CancellationToken ct = default) =>
        ChangeUserAsync(caller, "user.departments_changed", userId, async (s, actor, target) =>
        {
            var after = departments.Distinct().Order().ToList();
            if (await s.CheckDepartmentsAsync(after, ct) is { Count: > 0 } errors)
                return UserChangeResult.Refused(errors);
            var rows = await s.Db.UserDepartments.Where(d => d.UserId == target.Id).ToListAsync(ct);
            var before = rows.Select(r => r.DepartmentId).Order().ToList();
            if (before.SequenceEqual(after))
                return UserChangeResult.Done;

            s.Db.UserDepartments.RemoveRange(rows.Where(r => !after.Contains(r.DepartmentId)));
            s.Db.UserDepartments.AddRange(after.Except(before).Select(d => new UserDepartment { UserId = target.Id, DepartmentId = d }));
            // Departments are claims in the cookie; a new stamp makes the next check issue fresh ones.
            if (await Applied(() => s.Users.UpdateSecurityStampAsync(target)) is { } refused)
                return refused;
            s.Audit(actor.Email!, "user.departments_changed", target.Email!, new() { ["before"] = Json(before), ["after"] = Json(after) });
            s.AnnounceClaimsChanged(target);
            return UserChangeResult.Done;
        }, ct);

    public Task<UserChangeResult> DisableAsync(ClaimsPrincipal caller, string userId, CancellationToken ct = default) =>
        ChangeUserAsync(caller, "user.disabled", userId, async (s, actor, target) =>
        {
            if (target.IsDisabled)
                return UserChangeResult.Done;
            var isAdmin = await s.Users.IsInRoleAsync(target, Roles.Admin);
            if (AdminContinuity.Refusal(AccountChange.Disable, target.Id == actor.Id, isAdmin, isAdmin ? await s.ActiveAdminCountAsync() : 0) is { } why)
                return UserChangeResult.Refused("", why);

            UserAccess.Disable(target);
            if (await Applied(() => s.Users.UpdateSecurityStampAsync(target)) is { } refused)
                return refused;
            s.Audit(actor.Email!, "user.disabled", target.Email!, []);
            await s.EndSessionsAsync(target, SessionEndReason.UserDisabled, actor.Email!, ct);
            return UserChangeResult.Done;
        }, ct);

    public Task<UserChangeResult> EnableAsync(ClaimsPrincipal caller, string userId, CancellationToken ct = default) =>
        ChangeUserAsync(caller, "user.enabled", userId, async (s, actor, target) =>
        {
            if (!target.IsDisabled)
                return UserChangeResult.Done;
            UserAccess.Enable(target);
            if (await Applied(() => s.Users.UpdateSecurityStampAsync(target)) is { } refused)
                return refused;
            s.Audit(actor.Email!, "user.enabled", target.Email!, []);
            return UserChangeResult.Done;
        }, ct);

    async Task DemandAdminAsync(ClaimsPrincipal caller)
    {
        if (!(await authorization.AuthorizeAsync(caller, OpsPolicies.Admin)).Succeeded)
            throw new UnauthorizedAccessException("Only an Admin may manage users.");
    }

    async Task<UserChangeResult> ChangeAsync(ClaimsPrincipal caller, string operation, string subject,
        Func<UserChangeScope, OpsUser, Task<UserChangeResult>> change, CancellationToken ct)
    {
        await DemandAdminAsync(caller);
        var callerName = caller.FindFirstValue(ClaimTypes.Email) ?? caller.Identity?.Name ?? "unknown";
        var stillAdmin = true;
        var result = await UserChangeScope.RunAsync(transitions, operation, subject, callerName, async (s, _) =>
        {
            // The cookie may be a minute old; the account itself must still be an active Admin.
            var actor = await s.Users.GetUserAsync(caller);
            stillAdmin = actor is not null && !actor.IsDisabled && await s.Users.IsInRoleAsync(actor, Roles.Admin);
            return stillAdmin ? await change(s, actor!) : UserChangeResult.Refused("", "Only an active Admin may manage users.");
        }, ct);
        return stillAdmin ? result : throw new UnauthorizedAccessException("Only an active Admin may manage users.");
    }

    Task<UserChangeResult> ChangeUserAsync(ClaimsPrincipal caller, string operation, string userId,
        Func<UserChangeScope, OpsUser, OpsUser, Task<UserChangeResult>> change, CancellationToken ct) =>
        ChangeAsync(caller, operation, userId, async (s, actor) => await s.Users.FindByIdAsync(userId) is { } target
            ? await change(s, actor, target)
            : UserChangeResult.Refused("", "That user no longer exists; reload the list."), ct);

    /// <summary>Runs Identity steps in order and stops at the first that fails.</summary>
    internal static async Task<UserChangeResult?> Applied(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
            if (await step() is { Succeeded: false } failed)
                return UserChangeResult.Refused(UserInput.FromIdentity(failed).ToList());
        return null;
    }

    internal static JsonArray Json(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}

using Microsoft.AspNetCore.Identity;
using OpsConsole.Features.Audit;

namespace OpsConsole.Features.Identity;

/// <summary>
/// Makes a working Admin account from the command line: creates it, or re-enables it, restores its Admin role and
/// resets its password. No caller check: whoever runs the command already holds the database.
/// </summary>
public sealed class AdminBootstrap(IServiceScopeFactory scopes, AuditTrail audit, TimeProvider time)
{
    public static readonly string Actor = AuditEntry.System("cli");

    public async Task<UserChangeResult> EnsureAdminAsync(string email, string password, CancellationToken ct = default)
    {
        email = UserInput.NormalizeEmail(email);
        if (UserInput.CheckEmail(email).ToList() is { Count: > 0 } invalid)
            return UserChangeResult.Refused(invalid);
        await using var s = await UserChangeScope.BeginAsync(scopes, audit, ct);
        var user = await s.Users.FindByEmailAsync(email);
        var result = user is null ? await CreateAsync(s, email, password, ct) : await RestoreAsync(s, user, password, ct);
        if (result.Succeeded)
            await s.CommitAsync(ct);
        return result;
    }

    async Task<UserChangeResult> CreateAsync(UserChangeScope s, string email, string password, CancellationToken ct)
    {
        var user = new OpsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", CreatedAt = time.GetUtcNow() };
        if (await UserInput.CheckPasswordAsync(s.Users, user, password) is { Count: > 0 } weak)
            return UserChangeResult.Refused(weak);
        if (await UserDirectory.Applied(() => s.Users.CreateAsync(user, password), () => s.Users.AddToRoleAsync(user, Roles.Admin)) is { } refused)
            return refused;
        await s.AuditAsync(Actor, "user.created", email,
            new() { ["displayName"] = user.DisplayName, ["roles"] = UserDirectory.Json([Roles.Admin]), ["departments"] = UserDirectory.Json([]) }, ct);
        return UserChangeResult.Done;
    }

    async Task<UserChangeResult> RestoreAsync(UserChangeScope s, OpsUser user, string password, CancellationToken ct)
    {
        if (await UserInput.CheckPasswordAsync(s.Users, user, password) is { Count: > 0 } weak)
            return UserChangeResult.Refused(weak);
        var email = user.Email!;
        if (user.IsDisabled)
        {
            UserAccess.Enable(user);
            await s.AuditAsync(Actor, "user.enabled", email, [], ct);
        }
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var before = (await s.Users.GetRolesAsync(user)).Order().ToList();
        if (!before.Contains(Roles.Admin))
        {
            if (await UserDirectory.Applied(() => s.Users.AddToRoleAsync(user, Roles.Admin)) is { } refused)
                return refused;
            await s.AuditAsync(Actor, "user.roles_changed", email,
                new() { ["before"] = UserDirectory.Json(before), ["after"] = UserDirectory.Json(before.Append(Roles.Admin).Order()) }, ct);
        }
        // Removing and adding the password also renews the security stamp, so sessions signed in with the old one end.
        if (await UserDirectory.Applied(() => s.Users.RemovePasswordAsync(user), () => s.Users.AddPasswordAsync(user, password)) is { } failed)
            return failed;
        await s.AuditAsync(Actor, "user.password_reset", email, [], ct);
        return UserChangeResult.Done;
    }
}

using Microsoft.AspNetCore.Identity;
using OpsConsole.Domain.Identity;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Identity;

/// <summary>
/// Makes a working Admin account from the command line: creates it, or re-enables it, restores its Admin role and
/// resets its password. No caller check: whoever runs the command already holds the database.
/// </summary>
public sealed class AdminBootstrap(GuardedTransitions transitions, TimeProvider time)
{
    public static readonly string Actor = AuditEntry.System("cli");

    public async Task<UserChangeResult> EnsureAdminAsync(string email, string password, CancellationToken ct = default)
    {
        email = UserInput.NormalizeEmail(email);
        if (UserInput.CheckEmail(email).ToList() is { Count: > 0 } invalid)
            return UserChangeResult.Refused(invalid);
        return await UserChangeScope.RunAsync(transitions, "user.admin_ensured", email, Actor, async (s, token) =>
            await s.Users.FindByEmailAsync(email) is { } user ? await RestoreAsync(s, user, password, token) : await CreateAsync(s, email, password, token), ct);
    }

    async Task<UserChangeResult> CreateAsync(UserChangeScope s, string email, string password, CancellationToken ct)
    {
        var user = new OpsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", CreatedAt = time.GetUtcNow() };
        if (await UserInput.CheckPasswordAsync(s.Users, user, password) is { Count: > 0 } weak)
            return UserChangeResult.Refused(weak);
        if (await UserDirectory.Applied(() => s.Users.CreateAsync(user, password), () => s.Users.AddToRoleAsync(user, Roles.Admin)) is { } refused)
            return refused;
        s.Audit(Actor, "user.created", email,
            new() { ["displayName"] = user.DisplayName, ["roles"] = UserDirectory.Json([Roles.Admin]), ["departments"] = UserDirectory.Json([]) });
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
            s.Audit(Actor, "user.enabled", email, []);
        }
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var before = (await s.Users.GetRolesAsync(user)).Order().ToList();
        if (!before.Contains(Roles.Admin))
        {
            if (await UserDirectory.Applied(() => s.Users.AddToRoleAsync(user, Roles.Admin)) is { } refused)
                return refused;
            s.Audit(Actor, "user.roles_changed", email,
                new() { ["before"] = UserDirectory.Json(before), ["after"] = UserDirectory.Json(before.Append(Roles.Admin).Order()) });
        }
        // Removing and adding the password also renews the security stamp, so sessions signed in with the old one end.
        if (await UserDirectory.Applied(() => s.Users.RemovePasswordAsync(user), () => s.Users.AddPasswordAsync(user, password)) is { } failed)
            return failed;
        s.Audit(Actor, "user.password_reset", email, []);
        await s.EndSessionsAsync(user, SessionEndReason.PasswordReset, Actor, ct);
        return UserChangeResult.Done;
    }
}

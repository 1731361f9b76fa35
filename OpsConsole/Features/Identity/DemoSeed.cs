using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Startup;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Identity;

/// <summary>Demo mode only: two departments and one user per role, all with the documented demo password.</summary>
public sealed class DemoSeed(GuardedTransitions transitions, RoleManager<IdentityRole> roles, TimeProvider time) : IDemoSeed
{
    public const string Password = "Demo-pass-1";
    static readonly string Actor = AuditEntry.System("demo-seed");

    static readonly (string Email, string Name, string Role, string? Department)[] DemoUsers =
    [
        ("operator@demo.local", "Olivia Operator", Roles.Operator, "treasury"),
        ("manager@demo.local", "Max Manager", Roles.Manager, "treasury"),
        ("top@demo.local", "Tara Top", Roles.TopManagement, null),
        ("remediator@demo.local", "Remy Remediator", Roles.Remediator, null),
        ("viewer@demo.local", "Vic Viewer", Roles.Viewer, null),
        ("admin@demo.local", "Ada Admin", Roles.Admin, null),
    ];

    // People first: other features' demo data (requests, their notifications) name these users.
    int IDemoSeed.Order => 100;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await EnsureRolesAsync(roles);
        foreach (var (id, name) in new[] { ("treasury", "Treasury"), ("operations", "Operations") })
            Check(await UserChangeScope.RunAsync(transitions, "department.created", id, Actor, async (s, token) =>
            {
                if (await s.Db.Departments.AnyAsync(d => d.Id == id, token))
                    return UserChangeResult.Done;
                s.Db.Departments.Add(new Department { Id = id, Name = name });
                s.Effects.Audit.Add(new AuditEntry(Actor, "department.created", "department", id, new() { ["name"] = name }));
                return UserChangeResult.Done;
            }, ct), id);

        foreach (var (email, name, role, department) in DemoUsers)
            Check(await UserChangeScope.RunAsync(transitions, "user.created", email, Actor, async (s, _) =>
            {
                if (await s.Users.FindByEmailAsync(email) is not null)
                    return UserChangeResult.Done;
                var user = new OpsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = time.GetUtcNow() };
                if (await UserDirectory.Applied(() => s.Users.CreateAsync(user, Password), () => s.Users.AddToRoleAsync(user, role)) is { } refused)
                    return refused;
                if (department is not null)
                    s.Db.UserDepartments.Add(new UserDepartment { UserId = user.Id, DepartmentId = department });
                s.Audit(Actor, "user.created", email, new() { ["role"] = role, ["department"] = department });
                return UserChangeResult.Done;
            }, ct), email);
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
    }

    static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    static void Check(UserChangeResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {result.Summary}");
    }
}

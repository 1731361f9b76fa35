using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Identity;

/// <summary>Demo mode only: two departments and one user per role, all with the documented demo password.</summary>
public sealed class DemoSeed(OpsDbContext db, UserManager<OpsUser> users, RoleManager<IdentityRole> roles, AuditTrail audit, TimeProvider time)
{
    public const string Password = "Demo-pass-1";

    static readonly (string Email, string Name, string Role, string? Department)[] DemoUsers =
    [
        ("operator@demo.local", "Olivia Operator", Roles.Operator, "treasury"),
        ("manager@demo.local", "Max Manager", Roles.Manager, "treasury"),
        ("top@demo.local", "Tara Top", Roles.TopManagement, null),
        ("remediator@demo.local", "Remy Remediator", Roles.Remediator, null),
        ("viewer@demo.local", "Vic Viewer", Roles.Viewer, null),
        ("admin@demo.local", "Ada Admin", Roles.Admin, null),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await EnsureRolesAsync(roles);
        foreach (var (id, name) in new[] { ("treasury", "Treasury"), ("operations", "Operations") })
            if (!await db.Departments.AnyAsync(d => d.Id == id, ct))
                db.Departments.Add(new Department { Id = id, Name = name });
        await db.SaveChangesAsync(ct);

        foreach (var (email, name, role, department) in DemoUsers)
        {
            if (await users.FindByEmailAsync(email) is not null)
                continue;
            var user = new OpsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = time.GetUtcNow() };
            Check(await users.CreateAsync(user, Password), email);
            Check(await users.AddToRoleAsync(user, role), email);
            if (department is not null)
                db.UserDepartments.Add(new UserDepartment { UserId = user.Id, DepartmentId = department });
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await audit.AppendAsync(db, new AuditEntry(AuditEntry.System("demo-seed"), "user.created", "user", email,
                new() { ["role"] = role, ["department"] = department }), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
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
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>Departments and accounts written straight to the tables, for tests of who is notified or can be assigned.</summary>
public static class ApprovalUsers
{
    public static async Task EnsureDepartmentAsync(OpsDbContext db, string id)
    {
        if (!await db.Departments.AnyAsync(d => d.Id == id))
        {
            db.Departments.Add(new Department { Id = id, Name = id });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Adds an account with one role (and department); returns its user id.</summary>
    public static async Task<string> AddAsync(OpsDbContext db, string email, string role, string? department = null, bool disabled = false)
    {
        foreach (var name in Roles.All)
            if (!await db.Roles.AnyAsync(r => r.Name == name))
                db.Roles.Add(new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() });
        await db.SaveChangesAsync();
        if (department is not null)
            await EnsureDepartmentAsync(db, department);
        var user = new OpsUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = email.Split('@')[0],
            IsDisabled = disabled,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = (await db.Roles.SingleAsync(r => r.Name == role)).Id });
        if (department is not null)
            db.UserDepartments.Add(new UserDepartment { UserId = user.Id, DepartmentId = department });
        await db.SaveChangesAsync();
        return user.Id;
    }
}

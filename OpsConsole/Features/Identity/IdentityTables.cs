using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Identity.Sessions;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Identity;

/// <summary>The tables Identity owns, reached as members of the shared context; their mapping is in Data/.</summary>
public static class IdentityTables
{
    extension(OpsDbContext db)
    {
        public DbSet<OpsUser> Users => db.Set<OpsUser>();
        public DbSet<IdentityRole> Roles => db.Set<IdentityRole>();
        public DbSet<IdentityUserRole<string>> UserRoles => db.Set<IdentityUserRole<string>>();
        public DbSet<IdentityUserClaim<string>> UserClaims => db.Set<IdentityUserClaim<string>>();
        public DbSet<IdentityUserLogin<string>> UserLogins => db.Set<IdentityUserLogin<string>>();
        public DbSet<IdentityUserToken<string>> UserTokens => db.Set<IdentityUserToken<string>>();
        public DbSet<IdentityRoleClaim<string>> RoleClaims => db.Set<IdentityRoleClaim<string>>();
        public DbSet<Department> Departments => db.Set<Department>();
        public DbSet<UserDepartment> UserDepartments => db.Set<UserDepartment>();
        public DbSet<UserSession> UserSessions => db.Set<UserSession>();
    }
}

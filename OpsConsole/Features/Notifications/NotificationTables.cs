using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Notifications;

/// <summary>The tables Notifications owns, reached as members of the shared context; their mapping is in Data/.</summary>
public static class NotificationTables
{
    extension(OpsDbContext db)
    {
        public DbSet<UserPreferences> UserPreferences => db.Set<UserPreferences>();
    }
}

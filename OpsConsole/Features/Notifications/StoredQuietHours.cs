using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Calendars;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Notifications;

/// <summary>Quiet hours as people saved them on their preferences page.</summary>
sealed class StoredQuietHours : IRecipientQuietHours
{
    public async Task<IReadOnlyDictionary<string, QuietHours>> ForUsersAsync(OpsDbContext db, IReadOnlyCollection<string> userIds,
        CancellationToken ct)
    {
        if (userIds.Count == 0)
            return new Dictionary<string, QuietHours>();
        var rows = await db.UserPreferences.AsNoTracking()
            .Where(p => p.QuietHoursEnabled && userIds.Contains(p.UserId))
            .ToListAsync(ct);
        // A zone this machine no longer knows holds nothing back, rather than failing the change being notified.
        return rows.Where(p => QuietHoursRules.KnownZoneId(p.TimeZoneId) is not null)
            .ToDictionary(p => p.UserId, p => new QuietHours(p.QuietStart, p.QuietEnd, p.TimeZoneId));
    }
}

using OpsConsole.Domain.Calendars;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Notifications;

/// <summary>The quiet hours of people about to be notified, for whoever stages their notifications.</summary>
public interface IRecipientQuietHours
{
    /// <summary>By user id, only those who turned quiet hours on; read in the caller's transaction.</summary>
    Task<IReadOnlyDictionary<string, QuietHours>> ForUsersAsync(OpsDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct);
}

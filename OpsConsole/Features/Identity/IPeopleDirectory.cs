using System.Security.Claims;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Identity;

/// <summary>
/// Who the console's people are, for features that address them or act for them without reading Identity's tables.
/// The reads run on the caller's context, so inside a change they see, and join, that change's transaction.
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>The active users holding the role who have an email, only those in the department when one is given.</summary>
    Task<IReadOnlyList<PersonContact>> ActiveHoldersAsync(OpsDbContext db, string role, string? department, CancellationToken ct);

    /// <summary>The active users with an email who belong to the department, whatever their roles.</summary>
    Task<IReadOnlyList<PersonContact>> ActiveMembersAsync(OpsDbContext db, string department, CancellationToken ct);

    /// <summary>The id of the active user with this email (any case, outer spaces ignored), or null when there is none.</summary>
    Task<string?> ActiveUserIdAsync(OpsDbContext db, string email, CancellationToken ct);

    /// <summary>Active users with an email holding any of the roles: one row per user and role held.</summary>
    Task<IReadOnlyList<RoleHolder>> ActiveRoleHoldersAsync(OpsDbContext db, IReadOnlyCollection<string> roles, CancellationToken ct);

    /// <summary>The email of each of these user ids that has one; ids of no account are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> EmailsAsync(OpsDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct);

    /// <summary>The principal the active user with this email signs in with (roles, departments), or null when there is none.</summary>
    Task<ClaimsPrincipal?> ActivePrincipalAsync(string email, CancellationToken ct);
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Approvals;

/// <summary>Turns an audience into people: a named user, or the active holders of a role (in a department when one is
/// named). A final escalation with nobody active in TopManagement goes to the configured owner, so it reaches someone.</summary>
public sealed class ApprovalRecipients(IOptions<ApprovalNotifyOptions> options)
{
    /// <summary>A person to notify: the user's id when they have an account (for the in-app inbox), and their email.</summary>
    public sealed record Person(string? UserId, string Email);

    // Within one transaction an audience means the same people; an SLA batch asks for the same few audiences again and again.
    static readonly ConditionalWeakTable<IDbContextTransaction, ConcurrentDictionary<ApprovalAudience, IReadOnlyList<Person>>> Resolved = new();

    public async Task<IReadOnlyList<Person>> ResolveAsync(OpsDbContext db, ApprovalAudience audience, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not { } tx)
            return await LookUpAsync(db, audience, ct);
        var known = Resolved.GetValue(tx, _ => new());
        if (known.TryGetValue(audience, out var people))
            return people;
        people = await LookUpAsync(db, audience, ct);
        known[audience] = people;
        return people;
    }

    async Task<IReadOnlyList<Person>> LookUpAsync(OpsDbContext db, ApprovalAudience audience, CancellationToken ct)
    {
        if (audience.User is { } user)
            return [await PersonAsync(db, user, ct)];
        var role = audience.Role!;
        var query =
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == role && !u.IsDisabled && u.Email != null
            select u;
        if (audience.Department is { } department)
        {
            // Read outside the lambda: an extension property cannot appear in an expression tree.
            var memberships = db.UserDepartments;
            query = query.Where(u => memberships.Any(d => d.UserId == u.Id && d.DepartmentId == department));
        }
        var people = await query.Select(u => new Person(u.Id, u.Email!)).Distinct().ToListAsync(ct);
        if (people.Count == 0 && role == ApprovalRoles.TopManagement && options.Value.OwnerEmail is { Length: > 0 } owner)
            return [await PersonAsync(db, owner, ct)];
        return people;
    }

    static async Task<Person> PersonAsync(OpsDbContext db, string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var id = await db.Users.Where(u => u.NormalizedEmail == normalized && !u.IsDisabled).Select(u => u.Id).FirstOrDefaultAsync(ct);
        return new Person(id, email.Trim());
    }
}

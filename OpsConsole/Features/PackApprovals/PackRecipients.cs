using OpsConsole.Domain.PackApprovals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.PackApprovals;

/// <summary>The people a routing rule names: the active holders of its roles (only those in its departments when it
/// names any), or, when it names no role, every active member of its departments; each with their quiet hours.</summary>
public sealed class PackRecipients(IPeopleDirectory directory, IRecipientQuietHours quietHours)
{
    // A batch of events in one transaction matches the same few rules again and again.
    public Task<IReadOnlyList<ApprovalRecipients.Person>> ResolveAsync(OpsDbContext db, PackRoutingRule rule, CancellationToken ct) =>
        TransactionReads.OnceAsync(db, (nameof(PackRecipients), rule.Id, rule.Version), () => LookUpAsync(db, rule, ct));

    async Task<IReadOnlyList<ApprovalRecipients.Person>> LookUpAsync(OpsDbContext db, PackRoutingRule rule, CancellationToken ct)
    {
        var found = new List<PersonContact>();
        if (rule.Roles.Count == 0)
            foreach (var department in rule.Departments)
                found.AddRange(await directory.ActiveMembersAsync(db, department, ct));
        foreach (var role in rule.Roles)
            foreach (var department in rule.Departments.Count == 0 ? [null] : rule.Departments.Cast<string?>())
                found.AddRange(await directory.ActiveHoldersAsync(db, role, department, ct));
        var people = found.DistinctBy(p => p.UserId).ToList();
        var quiet = await quietHours.ForUsersAsync(db, [.. people.Select(p => p.UserId)], ct);
        return [.. people.Select(p => new ApprovalRecipients.Person(p.UserId, p.Email, quiet.GetValueOrDefault(p.UserId)))];
    }
}

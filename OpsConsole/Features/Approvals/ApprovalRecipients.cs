using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Calendars;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Approvals;

/// <summary>Turns an audience into people: a named user, or the active holders of a role (in a department when one is
/// named), each with their quiet hours. A final escalation with nobody active in TopManagement goes to the configured
/// owner, so it reaches someone.</summary>
public sealed class ApprovalRecipients(IPeopleDirectory directory, IRecipientQuietHours quietHours, IOptions<ApprovalNotifyOptions> options)
{
    /// <summary>A person to notify: the user's id when they have an account (for the in-app inbox), their email, and
    /// their quiet hours when they turned them on.</summary>
    public sealed record Person(string? UserId, string Email, QuietHours? Quiet = null);

    // Within one transaction an audience means the same people with the same quiet hours; an SLA batch asks for the same
    // few audiences again and again.
    public Task<IReadOnlyList<Person>> ResolveAsync(OpsDbContext db, ApprovalAudience audience, CancellationToken ct) =>
        TransactionReads.OnceAsync(db, (nameof(ApprovalRecipients), audience), () => LookUpAsync(db, audience, ct));

    async Task<IReadOnlyList<Person>> LookUpAsync(OpsDbContext db, ApprovalAudience audience, CancellationToken ct)
    {
        var people = await PeopleAsync(db, audience, ct);
        var quiet = await quietHours.ForUsersAsync(db, [.. people.Select(p => p.UserId).OfType<string>()], ct);
        return [.. people.Select(p => p with { Quiet = p.UserId is { } id ? quiet.GetValueOrDefault(id) : null })];
    }

    async Task<IReadOnlyList<Person>> PeopleAsync(OpsDbContext db, ApprovalAudience audience, CancellationToken ct)
    {
        if (audience.User is { } user)
            return [await PersonAsync(db, user, ct)];
        var role = audience.Role!;
        var holders = await directory.ActiveHoldersAsync(db, role, audience.Department, ct);
        if (holders.Count == 0 && role == ApprovalRoles.TopManagement && options.Value.OwnerEmail is { Length: > 0 } owner)
            return [await PersonAsync(db, owner, ct)];
        return [.. holders.Select(h => new Person(h.UserId, h.Email))];
    }

    async Task<Person> PersonAsync(OpsDbContext db, string email, CancellationToken ct) =>
        new(await directory.ActiveUserIdAsync(db, email, ct), email.Trim());
}

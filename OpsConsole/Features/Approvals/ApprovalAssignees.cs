using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// Whom a request may be reassigned to: active users with an approver role, since a named assignee with such a role may
/// act on it at any tier. The requester and the current assignee are left out, as the rules refuse both.
/// </summary>
public sealed class ApprovalAssignees(IDbContextFactory<OpsDbContext> dbs, IPeopleDirectory directory)
{
    static readonly string[] ApproverRoles = [ApprovalRoles.Operator, ApprovalRoles.Manager, ApprovalRoles.TopManagement];

    public async Task<IReadOnlyList<ApprovalAssignee>> CandidatesAsync(ApprovalRequest request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await directory.ActiveRoleHoldersAsync(db, ApproverRoles, ct);
        return [.. rows
            .Where(x => !Same(x.Email, request.RequestedBy) && !Same(x.Email, request.Assignee))
            .GroupBy(x => x.Email, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ApprovalAssignee(g.First().Email, g.First().DisplayName, [.. g.Select(x => x.Role).Distinct().Order()]))
            .OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase)];
    }

    static bool Same(string email, string? other) => string.Equals(email, other, StringComparison.OrdinalIgnoreCase);

    /// <summary>The candidate with this email (any case), or null when nobody active and able to act has it.</summary>
    public static ApprovalAssignee? Find(IReadOnlyList<ApprovalAssignee> candidates, string? email) =>
        string.IsNullOrWhiteSpace(email) ? null
            : candidates.FirstOrDefault(c => Same(c.Email, email.Trim()));
}

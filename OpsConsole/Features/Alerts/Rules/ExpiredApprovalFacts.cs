using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Alerts.Rules;

/// <summary>The requests that expired within the rule's window, through the approvals' own <see cref="IExpiredApprovals"/>.</summary>
sealed class ExpiredApprovalFacts(IExpiredApprovals approvals) : IAlertFacts<IReadOnlyList<ExpiredApprovalFact>>
{
    public async Task<IReadOnlyList<ExpiredApprovalFact>> ReadAsync(OpsDbContext db, IAlertRule rule, DateTimeOffset now, CancellationToken ct) =>
        [.. (await approvals.ExpiredSinceAsync(db, now - (rule.Window ?? TimeSpan.Zero), ct))
            .Select(r => new ExpiredApprovalFact(r.Id, r.Title, r.Department, r.ExpiredAt))];
}

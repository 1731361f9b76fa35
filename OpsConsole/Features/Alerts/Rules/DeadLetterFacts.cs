using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Alerts.Rules;

/// <summary>The open dead letters (Unresolved, or Retrying) per source: how many, and the oldest.</summary>
sealed class DeadLetterFacts : IAlertFacts<IReadOnlyList<DeadLetterSourceFact>>
{
    public async Task<IReadOnlyList<DeadLetterSourceFact>> ReadAsync(OpsDbContext db, IAlertRule rule, DateTimeOffset now, CancellationToken ct) =>
        await db.DeadLetters.AsNoTracking()
            .Where(d => d.Status == DeadLetterStatus.Unresolved || d.Status == DeadLetterStatus.Retrying)
            .GroupBy(d => d.Source)
            .Select(g => new DeadLetterSourceFact(g.Key, g.Count(), g.Min(d => d.FirstFailedAt),
                g.OrderBy(d => d.FirstFailedAt).Select(d => d.Operation).First()))
            .ToListAsync(ct);
}

using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;

namespace OpsConsole.Features.DeadLetters;

/// <summary>
/// Deletes Resolved and Discarded records closed longer ago than DeadLetters:RetentionDays, with their remediation
/// history (the audit trail keeps every action for good); Unresolved and Retrying records are never touched.
/// </summary>
public sealed class DeadLetterPurge(
    IDbContextFactory<OpsDbContext> dbs, AuditTrail audit, LiveAnnouncer live, IOptions<DeadLetterOptions> options, TimeProvider time)
{
    public const string Actor = "system:DeadLetterRetention";

    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var days = options.Value.RetentionDays;
        var cutoff = DeadLetterRetention.Cutoff(time.GetUtcNow(), days);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Mirrors DeadLetterRetention.MayPurge, in SQL.
        var purged = await db.DeadLetters
            .Where(d => (d.Status == DeadLetterStatus.Resolved || d.Status == DeadLetterStatus.Discarded)
                && d.ClosedAt != null && d.ClosedAt < cutoff)
            .ExecuteDeleteAsync(ct);
        // A quiet night leaves no event; the job's own run record shows that it ran.
        if (purged > 0)
        {
            await audit.AppendAsync(db, new AuditEntry(Actor, DeadLetterActions.Purged, DeadLetterRemediation.SubjectType, "retention",
                new JsonObject { ["count"] = purged, ["closedBefore"] = cutoff, ["retentionDays"] = days }), ct);
            await live.AnnounceAsync(db, new LiveChange(LiveTopics.DeadLetters, LiveChange.Removed), ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return purged;
    }
}

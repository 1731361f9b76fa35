using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Audit;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Audit;

/// <summary>Reads the whole trail in id order, in keyset batches so a million rows never sit in memory at once, and lets the Domain verify it.</summary>
public sealed class AuditVerification(IDbContextFactory<OpsDbContext> dbs, GuardedTransitions transitions)
{
    public const int DefaultBatchSize = 2000;

    public async Task<AuditChainVerdict> VerifyAsync(int batchSize = DefaultBatchSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var verdict = AuditChainVerdict.Start;
        var afterId = long.MinValue;
        while (verdict.IsIntact)
        {
            var batch = await db.AuditEvents.AsNoTracking().Where(e => e.Id > afterId).OrderBy(e => e.Id).Take(batchSize).ToListAsync(ct);
            verdict = AuditChainVerifier.Continue(verdict, batch);
            if (batch.Count < batchSize)
                break;
            afterId = batch[^1].Id;
        }
        return verdict;
    }

    /// <summary>Verifies and records that <paramref name="actor"/> did, with the outcome, as an <c>audit.verified</c> event.</summary>
    public async Task<AuditChainVerdict> VerifyAndRecordAsync(string actor, int batchSize = DefaultBatchSize, CancellationToken ct = default)
    {
        var verdict = await VerifyAsync(batchSize, ct);
        var details = new JsonObject
        {
            ["intact"] = verdict.IsIntact,
            ["verified"] = verdict.Verified,
        };
        if (verdict.Break is { } broken)
        {
            details["brokenAt"] = broken.EventId;
            details["fault"] = broken.Fault.ToString();
        }
        var recorded = await transitions.RunAsync(new TransitionContext("audit", "chain", AuditActions.Verified, DeadLetterSources.Ui),
            (_, _) => Task.FromResult(TransitionDecision.Apply("", verdict.IsIntact ? "intact" : "broken",
                TransitionEffects.Of(new AuditEntry(actor, AuditActions.Verified, "audit", "chain", details)))), ct);
        return recorded is TransitionOutcome.Applied ? verdict
            : throw new InvalidOperationException($"The verification could not be recorded on the audit trail ({recorded}).");
    }
}

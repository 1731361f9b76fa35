using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Components.Shared;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.DeadLetters;

/// <summary>
/// Takes back records whose retry gave no result within DeadLetters:StaleRetryAfter (its process died, say): each goes
/// back to Unresolved with a history row, an audit event and a live announcement, so staff can work it again. A retry
/// that still finishes afterwards no longer holds the claim and leaves the record alone.
/// </summary>
public sealed class DeadLetterRetryRecovery(
    GuardedTransitions transitions, RemediationLedger ledger, IOptions<DeadLetterOptions> options, TimeProvider time,
    ILogger<DeadLetterRetryRecovery> log)
{
    public const string Actor = "system:dead-letters";
    const int BatchSize = 100;

    /// <summary>Recovers every stale claim, a batch per transaction; returns how many records went back to Unresolved.</summary>
    public async Task<int> RecoverAsync(CancellationToken ct = default)
    {
        var total = 0;
        int recovered;
        do
        {
            recovered = await RecoverBatchAsync(ct);
            total += recovered;
        } while (recovered == BatchSize);
        return total;
    }

    async Task<int> RecoverBatchAsync(CancellationToken ct)
    {
        var count = 0;
        var work = new TransitionContext(RemediationLedger.SubjectType, "stale-claims", DeadLetterActions.RetryAbandoned, DeadLetterSources.Sweeper);
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            var db = attempt.Db;
            var now = time.GetUtcNow();
            var staleAfter = options.Value.StaleRetryAfter;
            var before = DeadLetterRetryClaims.StaleBefore(now, staleAfter);
            // Mirrors DeadLetterRetryClaims.IsStale, in SQL (xmin is a system column, outside *). A retry recording its result
            // right now holds its row, and is skipped.
            var stale = await db.DeadLetters.FromSql($"""
                SELECT *, xmin FROM dead_letters
                WHERE status = 'Retrying' AND (retry_claimed_at IS NULL OR retry_claimed_at <= {before})
                ORDER BY retry_claimed_at NULLS FIRST, id
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(token);
            count = stale.Count;
            if (stale.Count == 0)
                return TransitionDecision.Unchanged("nothing stale");
            var claimers = await ClaimersAsync(db, [.. stale.Select(d => d.Id)], token);
            var effects = new TransitionEffects();
            foreach (var letter in stale)
            {
                var claimedAt = letter.RetryClaimedAt;
                var by = claimers.GetValueOrDefault(letter.Id) ?? "someone";
                DeadLetterRetryClaims.Abandon(letter, now);
                var note = claimedAt is { } at
                    ? $"Claimed for a retry by {by} at {UtcText.WithZone(at)}; no result within {staleAfter:c}, so it is Unresolved again."
                    : $"Claimed for a retry by {by} before claim times were kept; no result since, so it is Unresolved again.";
                ledger.AddHistory(db, letter.Id, Actor, DeadLetterActions.RetryAbandoned, note, "unresolved");
                effects.Add(RemediationLedger.Effects(Actor, DeadLetterActions.RetryAbandoned, letter, note, "unresolved",
                    new JsonObject { ["claimedBy"] = by, ["claimedAt"] = claimedAt, ["staleAfter"] = staleAfter.ToString("c") }));
            }
            return TransitionDecision.Apply(nameof(DeadLetterStatus.Retrying), nameof(DeadLetterStatus.Unresolved), effects);
        }, ct);
        if (outcome is not (TransitionOutcome.Applied or TransitionOutcome.Unchanged))
            return 0;
        if (count > 0)
            log.LogWarning("{Count} dead letter(s) were Retrying with no result for over {StaleAfter}; returned to Unresolved",
                count, options.Value.StaleRetryAfter);
        return outcome is TransitionOutcome.Applied ? count : 0;
    }

    /// <summary>Who started each record's latest retry, from its history.</summary>
    static async Task<Dictionary<Guid, string>> ClaimersAsync(OpsDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var started = await db.DeadLetterActions.AsNoTracking()
            .Where(a => ids.Contains(a.DeadLetterId) && a.Action == DeadLetterActions.RetryStarted)
            .OrderBy(a => a.Id).Select(a => new { a.DeadLetterId, a.Actor }).ToListAsync(ct);
        var claimers = new Dictionary<Guid, string>();
        foreach (var s in started)
            claimers[s.DeadLetterId] = s.Actor;
        return claimers;
    }
}

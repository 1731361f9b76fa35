using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OpsConsole.Domain.Retries;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Platform.Transitions;

/// <summary>
/// The one path of every state change. Each attempt gets a fresh scope, context and transaction; the feature's attempt
/// loads, lets the Domain decide, stages the state change on the context and describes its effects (audit events,
/// notices, live changes). An applied decision is saved under optimistic concurrency (xmin) together with all of its
/// effects and committed; anything else is rolled back. Conflicts and transient database errors are retried with
/// jittered exponential backoff; when the attempts run out, or an error is not worth retrying, the work becomes one
/// dead letter, or is handed back to a caller that asked to handle the failure itself.
/// </summary>
public sealed class GuardedTransitions(
    IServiceScopeFactory scopes,
    AuditTrail audit,
    Outbox.Outbox outbox,
    LiveAnnouncer live,
    DeadLetterWriter deadLetters,
    IOptions<TransitionOptions> options,
    TimeProvider time,
    ILogger<GuardedTransitions> logger)
{
    public Task<TransitionOutcome> RunAsync(
        TransitionContext work, Func<TransitionAttempt, CancellationToken, Task<TransitionDecision>> attempt, CancellationToken ct = default) =>
        RunAsync(work, attempt, WhenExhausted.DeadLetter, ct);

    public async Task<TransitionOutcome> RunAsync(
        TransitionContext work,
        Func<TransitionAttempt, CancellationToken, Task<TransitionDecision>> attempt,
        WhenExhausted whenExhausted,
        CancellationToken ct = default)
    {
        var maxAttempts = options.Value.MaxAttempts;
        TransitionDecision.Applied? lastTried = null;
        DateTimeOffset? firstFailedAt = null;
        for (var n = 1; ; n++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OpsDbContext>();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                switch (await attempt(new TransitionAttempt(db, scope.ServiceProvider, n), ct))
                {
                    case TransitionDecision.Refused refused:
                        await tx.RollbackAsync(ct);
                        return new TransitionOutcome.Refused(refused.Reason) { Attempts = n };
                    case TransitionDecision.Kept kept:
                        if (kept.SaveBookkeeping)
                        {
                            await db.SaveChangesAsync(ct);
                            await tx.CommitAsync(ct);
                        }
                        else
                            await tx.RollbackAsync(ct);
                        return new TransitionOutcome.Unchanged(kept.State) { Attempts = n };
                    case TransitionDecision.Applied applied:
                        lastTried = applied;
                        var auditIds = await CommitAsync(db, applied.Effects, work, ct);
                        await tx.CommitAsync(ct);
                        return new TransitionOutcome.Applied(applied.From, applied.To, auditIds) { Attempts = n };
                    default:
                        throw new InvalidOperationException($"The attempt of {work.Operation} returned no decision.");
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The caller gave up and sees the exception; nothing was committed, so nothing is lost silently.
                throw;
            }
            catch (Exception ex)
            {
                var now = time.GetUtcNow();
                firstFailedAt ??= now;
                var retryable = IsWorthRetrying(ex);
                if (retryable && n < maxAttempts)
                {
                    var delay = RetryDelay.Jittered(options.Value.RetryBaseDelay, n, Random.Shared.NextDouble());
                    TransitionLog.Retrying(logger, work.Operation, work.AggregateType, work.AggregateId, n, maxAttempts,
                        ex.GetType().Name, delay);
                    await Task.Delay(delay, time, ct);
                    continue;
                }
                var cause = ex.GetBaseException().Message;
                var reason = retryable
                    ? $"Gave up after {n} attempt(s); the last failed with: {cause}"
                    : $"Failed on attempt {n} with an error that retrying would not fix: {cause}";
                if (whenExhausted == WhenExhausted.HandBack)
                {
                    TransitionLog.HandedBack(logger, work.Operation, work.AggregateType, work.AggregateId, n, ex.GetType().Name);
                    return new TransitionOutcome.Failed($"{ex.GetBaseException().GetType().Name}: {cause}") { Attempts = n };
                }
                var failure = new TransitionFailure(lastTried?.From, lastTried?.To, reason, ex, n, firstFailedAt.Value, now);
                // Not the caller's token: the work has already failed, and its record must survive a shutdown.
                var id = await deadLetters.WriteAsync(work, failure, CancellationToken.None);
                return new TransitionOutcome.DeadLettered(id, reason) { Attempts = n };
            }
        }
    }

    /// <summary>The change and its audit events in one save (a conflict shows here, before anything else is sent), then
    /// its notices and live changes, which PostgreSQL releases only if the transaction commits.</summary>
    async Task<IReadOnlyList<long>> CommitAsync(OpsDbContext db, TransitionEffects effects, TransitionContext work, CancellationToken ct)
    {
        if (effects.Audit.Count == 0)
            throw new InvalidOperationException($"{work.Operation} on {work.AggregateType} {work.AggregateId} changes state without an audit event.");
        var ids = new List<long>(effects.Audit.Count);
        foreach (var entry in effects.Audit)
            ids.Add((await audit.AppendAsync(db, entry, ct)).Id);
        await db.SaveChangesAsync(ct);
        foreach (var notice in effects.Notices)
            await outbox.EnqueueAsync(db, notice, ct);
        foreach (var change in effects.Live)
            await live.AnnounceAsync(db, change, ct);
        return ids;
    }

    /// <summary>Conflicts with another writer (a changed xmin, or a row another transaction inserted first), and
    /// database errors a fresh attempt can get past (serialization failures, deadlocks, lost connections, timeouts).</summary>
    static bool IsWorthRetrying(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is DbUpdateConcurrencyException or NpgsqlException { IsTransient: true }
                or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                return true;
        return false;
    }
}

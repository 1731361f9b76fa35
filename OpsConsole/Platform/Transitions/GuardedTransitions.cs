using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.Transitions;

/// <summary>
/// Runs every state change of an aggregate the same way: a fresh context and transaction per attempt; the attempt
/// loads, lets the Domain decide and stages the change with its audit event and outbox rows; an applied decision is
/// saved under optimistic concurrency (xmin) and committed, a refusal is rolled back. Conflicts are retried with
/// jittered exponential backoff; when the attempts run out, or an error is not worth retrying, the work becomes one
/// dead letter. The outcome is always Applied, Refused or DeadLettered.
/// </summary>
public sealed class GuardedTransitions(
    IDbContextFactory<OpsDbContext> contexts,
    DeadLetterWriter deadLetters,
    IOptions<TransitionOptions> options,
    TimeProvider time,
    ILogger<GuardedTransitions> logger)
{
    public async Task<TransitionOutcome> RunAsync(
        TransitionContext work,
        Func<OpsDbContext, CancellationToken, Task<TransitionDecision>> attempt,
        CancellationToken ct = default)
    {
        var maxAttempts = options.Value.MaxAttempts;
        TransitionDecision.Applied? lastTried = null;
        DateTimeOffset? firstFailedAt = null;
        for (var n = 1; ; n++)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                switch (await attempt(db, ct))
                {
                    case TransitionDecision.Refused refused:
                        await tx.RollbackAsync(ct);
                        return new TransitionOutcome.Refused(refused.Reason) { Attempts = n };
                    case TransitionDecision.Applied applied:
                        lastTried = applied;
                        await db.SaveChangesAsync(ct);
                        await tx.CommitAsync(ct);
                        return new TransitionOutcome.Applied(applied.From, applied.To) { Attempts = n };
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
                    var delay = RetryBackoff.Delay(options.Value.RetryBaseDelay, n, Random.Shared.NextDouble());
                    TransitionLog.Retrying(logger, work.Operation, work.AggregateType, work.AggregateId, n, maxAttempts,
                        ex.GetType().Name, delay);
                    await Task.Delay(delay, time, ct);
                    continue;
                }
                var cause = ex.GetBaseException().Message;
                var reason = retryable
                    ? $"Gave up after {n} attempt(s); the last failed with: {cause}"
                    : $"Failed on attempt {n} with an error that retrying would not fix: {cause}";
                var failure = new TransitionFailure(lastTried?.From, lastTried?.To, reason, ex, n, firstFailedAt.Value, now);
                // Not the caller's token: the work has already failed, and its record must survive a shutdown.
                var id = await deadLetters.WriteAsync(work, failure, CancellationToken.None);
                return new TransitionOutcome.DeadLettered(id, reason) { Attempts = n };
            }
        }
    }

    /// <summary>Conflicts with another writer, and database errors a fresh attempt can get past (serialization
    /// failures, deadlocks, lost connections, timeouts).</summary>
    static bool IsWorthRetrying(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is DbUpdateConcurrencyException or NpgsqlException { IsTransient: true })
                return true;
        return false;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OpsConsole.Domain.Retries;
using OpsConsole.Platform.Data;

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
    TransitionWriter writer,
    DeadLetterWriter deadLetters,
    IOptions<TransitionOptions> options,
    TimeProvider time,
    ILogger<GuardedTransitions> logger)
{
    public Task<TransitionOutcome> RunAsync(
        TransitionContext work, Func<TransitionAttempt, CancellationToken, Task<TransitionDecision>> attempt, CancellationToken ct = default) =>
        RunAsync(work, attempt, WhenExhausted.DeadLetter, ct);

    /// <summary>One change: a batch of one, so that it takes the same path as many.</summary>
    public async Task<TransitionOutcome> RunAsync(
        TransitionContext work,
        Func<TransitionAttempt, CancellationToken, Task<TransitionDecision>> attempt,
        WhenExhausted whenExhausted,
        CancellationToken ct = default)
    {
        var batch = await RunBatchAsync(work, async (a, token) => [await attempt(a, token)], whenExhausted, ct);
        return batch.Failure ?? batch.Items.Single();
    }

    /// <summary>
    /// Many changes decided by one attempt and saved in one transaction, with a few statements whatever their number:
    /// the modified rows in one UPDATE per table, all notices in one insert, the live changes coalesced per topic, the wake
    /// times one per job, and the audit events in one insert, chained in order. Changes that are applied are saved with
    /// their effects; recomputed ones with their bookkeeping; unchanged and refused ones must have staged nothing. When the
    /// attempt applies and recomputes nothing, nothing is written. A failure fails the batch as a whole.
    /// </summary>
    public async Task<TransitionBatchOutcome> RunBatchAsync(
        TransitionContext work,
        Func<TransitionAttempt, CancellationToken, Task<IReadOnlyList<TransitionDecision>>> attempt,
        WhenExhausted whenExhausted,
        CancellationToken ct = default)
    {
        var maxAttempts = options.Value.MaxAttempts;
        IReadOnlyList<TransitionDecision.Applied> lastTried = [];
        DateTimeOffset? firstFailedAt = null;
        for (var n = 1; ; n++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OpsDbContext>();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var decisions = await attempt(new TransitionAttempt(db, scope.ServiceProvider, n), ct);
                if (decisions.Any(d => d is null))
                    throw new InvalidOperationException($"The attempt of {work.Operation} returned no decision.");
                var applied = decisions.OfType<TransitionDecision.Applied>().ToList();
                lastTried = applied;
                IReadOnlyList<IReadOnlyList<long>> auditIds = [];
                if (applied.Count > 0 || decisions.Any(d => d is TransitionDecision.Kept { SaveBookkeeping: true }))
                {
                    auditIds = await writer.WriteAsync(db, decisions, work, ct);
                    await tx.CommitAsync(ct);
                }
                else
                    await tx.RollbackAsync(ct);
                return TransitionBatchOutcome.Of(decisions, auditIds, n);
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
                    return new TransitionBatchOutcome([], new TransitionOutcome.Failed($"{ex.GetBaseException().GetType().Name}: {cause}") { Attempts = n })
                    { Attempts = n };
                }
                var (from, to) = lastTried switch
                {
                    [] => (null, null),
                    [var one] => (one.From, one.To),
                    _ => (string.Join(", ", lastTried.Select(a => a.From).Distinct()), $"{lastTried.Count} changes"),
                };
                var failure = new TransitionFailure(from, to, reason, ex, n, firstFailedAt.Value, now);
                // Not the caller's token: the work has already failed, and its record must survive a shutdown.
                var id = await deadLetters.WriteAsync(work, failure, CancellationToken.None);
                return new TransitionBatchOutcome([], new TransitionOutcome.DeadLettered(id, reason) { Attempts = n }) { Attempts = n };
            }
        }
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

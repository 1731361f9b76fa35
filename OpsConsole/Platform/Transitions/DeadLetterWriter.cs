using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;

namespace OpsConsole.Platform.Transitions;

/// <summary>
/// The one writer of dead letters. It saves in a fresh context of its own, so the failed work's rolled-back
/// transaction cannot take the record down with it.
/// </summary>
public sealed class DeadLetterWriter(
    IDbContextFactory<OpsDbContext> contexts, LiveAnnouncer live, TimeProvider time, ILogger<DeadLetterWriter> logger)
{
    public async Task<Guid> WriteAsync(TransitionContext work, TransitionFailure failure, CancellationToken ct = default)
    {
        // The innermost error says what went wrong; wrappers such as DbUpdateException only say where.
        var cause = failure.Error.GetBaseException();
        var exceptionType = cause.GetType().FullName ?? cause.GetType().Name;
        var letter = new DeadLetter
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            AggregateType = work.AggregateType,
            AggregateId = work.AggregateId,
            Operation = work.Operation,
            FromState = failure.FromState,
            ToState = failure.ToState,
            ReasonMessage = failure.Reason,
            ExceptionType = exceptionType,
            StackTrace = failure.Error.ToString(),
            RetryCount = failure.Attempts,
            FirstFailedAt = failure.FirstFailedAt,
            LastFailedAt = failure.LastFailedAt,
            Source = work.Source,
            CorrelationKey = work.CorrelationKey,
            Payload = work.Payload?.DeepClone().AsObject() ?? [],
            Status = DeadLetterStatus.Unresolved,
            Fingerprint = DeadLetterFingerprint.Compute(work.Operation, exceptionType, cause.Message),
        };
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.DeadLetters.Add(letter);
            await db.SaveChangesAsync(ct);
            // In the transaction: the page hears of the record only once it exists.
            await live.AnnounceAsync(db, new LiveChange(LiveTopics.DeadLetters, LiveChange.Created, letter.Id.ToString()), ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception ex)
        {
            TransitionLog.DeadLetterNotWritten(logger, ex, work.Operation, work.AggregateType, work.AggregateId);
            throw;
        }
        TransitionLog.DeadLettered(logger, work.Operation, work.AggregateType, work.AggregateId, work.Source,
            letter.Id, failure.Attempts, exceptionType, letter.Fingerprint);
        return letter.Id;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;

namespace OpsConsole.Platform.Transitions;

/// <summary>
/// The one writer of dead letters. It saves in a fresh context of its own, so the failed work's rolled-back
/// transaction cannot take the record down with it. Work that fails again while its record is still open (Unresolved
/// or Retrying) updates that record, counting the occurrence, instead of adding another: one INSERT … ON CONFLICT on
/// the partial unique index of open records, so instances failing at the same moment still leave one record.
/// </summary>
public sealed class DeadLetterWriter(
    IDbContextFactory<OpsDbContext> contexts, LiveAnnouncer live, TimeProvider time, ILogger<DeadLetterWriter> logger)
{
    // The conflict target names the index's columns and predicate; PostgreSQL infers the partial unique index from them.
    // Status, claim and retry count are left alone: a recurrence is news about the work, not a remediation step.
    const string Upsert = """
        INSERT INTO dead_letters (id, aggregate_type, aggregate_id, operation, from_state, to_state, reason_message,
            exception_type, stack_trace, retry_count, first_failed_at, last_failed_at, source, correlation_key, payload,
            status, fingerprint, occurrences)
        VALUES (@id, @aggregate_type, @aggregate_id, @operation, @from_state, @to_state, @reason_message,
            @exception_type, @stack_trace, @retry_count, @first_failed_at, @last_failed_at, @source, @correlation_key, @payload,
            'Unresolved', @fingerprint, 1)
        ON CONFLICT (aggregate_type, aggregate_id, operation) WHERE status IN ('Unresolved', 'Retrying')
        DO UPDATE SET occurrences = dead_letters.occurrences + 1,
            first_failed_at = LEAST(dead_letters.first_failed_at, excluded.first_failed_at),
            last_failed_at = GREATEST(dead_letters.last_failed_at, excluded.last_failed_at),
            from_state = excluded.from_state, to_state = excluded.to_state, reason_message = excluded.reason_message,
            exception_type = excluded.exception_type, stack_trace = excluded.stack_trace, source = excluded.source,
            correlation_key = excluded.correlation_key, payload = excluded.payload, fingerprint = excluded.fingerprint
        RETURNING id, status, occurrences
        """;

    public async Task<Guid> WriteAsync(TransitionContext work, TransitionFailure failure, CancellationToken ct = default)
    {
        // The innermost error says what went wrong; wrappers such as DbUpdateException only say where.
        var cause = failure.Error.GetBaseException();
        var exceptionType = cause.GetType().FullName ?? cause.GetType().Name;
        var fingerprint = DeadLetterFingerprint.Compute(work.Operation, exceptionType, cause.Message);
        var newId = Guid.CreateVersion7(time.GetUtcNow());
        (Guid Id, string Status, int Occurrences) written;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using (var cmd = new NpgsqlCommand(Upsert, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction()))
            {
                cmd.Parameters.AddWithValue("id", newId);
                cmd.Parameters.AddWithValue("aggregate_type", work.AggregateType);
                cmd.Parameters.AddWithValue("aggregate_id", work.AggregateId);
                cmd.Parameters.AddWithValue("operation", work.Operation);
                cmd.Parameters.Add(Text("from_state", failure.FromState));
                cmd.Parameters.Add(Text("to_state", failure.ToState));
                cmd.Parameters.AddWithValue("reason_message", failure.Reason);
                cmd.Parameters.Add(Text("exception_type", exceptionType));
                cmd.Parameters.Add(Text("stack_trace", failure.Error.ToString()));
                cmd.Parameters.AddWithValue("retry_count", failure.Attempts);
                cmd.Parameters.AddWithValue("first_failed_at", failure.FirstFailedAt);
                cmd.Parameters.AddWithValue("last_failed_at", failure.LastFailedAt);
                cmd.Parameters.AddWithValue("source", work.Source);
                cmd.Parameters.Add(Text("correlation_key", work.CorrelationKey));
                cmd.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Jsonb) { Value = (work.Payload ?? []).ToJsonString() });
                cmd.Parameters.AddWithValue("fingerprint", fingerprint);
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                written = (reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2));
            }
            // In the transaction: the page hears of the record only once it exists, or once the recurrence is counted.
            var change = written.Id == newId
                ? new LiveChange(LiveTopics.DeadLetters, LiveChange.Created, newId.ToString())
                : new LiveChange(LiveTopics.DeadLetters, LiveChange.Changed, written.Id.ToString(), new Dictionary<string, string>
                {
                    ["status"] = written.Status,
                    ["occurrences"] = written.Occurrences.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            await live.AnnounceAsync(db, change, ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception ex)
        {
            TransitionLog.DeadLetterNotWritten(logger, ex, work.Operation, work.AggregateType, work.AggregateId);
            throw;
        }
        if (written.Id == newId)
            TransitionLog.DeadLettered(logger, work.Operation, work.AggregateType, work.AggregateId, work.Source,
                written.Id, failure.Attempts, exceptionType, fingerprint);
        else
            TransitionLog.DeadLetterRecurred(logger, work.Operation, work.AggregateType, work.AggregateId, work.Source,
                written.Id, written.Occurrences, exceptionType, fingerprint);
        return written.Id;
    }

    static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}

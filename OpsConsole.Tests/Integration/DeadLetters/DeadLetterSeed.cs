using Npgsql;
using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Tests.Integration.DeadLetters;

/// <summary>Inserts dead letters straight into the table, many with one statement.</summary>
public static class DeadLetterSeed
{
    public const string AggregateType = "test_aggregate";
    public const string Operation = "test.submit";
    public const string Reason = "Gave up after 3 attempt(s); the last failed with: connection refused";

    /// <summary>
    /// Rows n = 1..count, aggregate ids "{prefix}-n", first failed n + 60 and last failed n seconds before <paramref name="at"/>;
    /// returns their ids.
    /// </summary>
    public static async Task<List<Guid>> InsertAsync(string connectionString, int count, DateTimeOffset at,
        DeadLetterStatus status = DeadLetterStatus.Unresolved, string fingerprint = "group-a", string prefix = "agg",
        DateTimeOffset? closedAt = null, string source = DeadLetterSources.Sweeper, string operation = Operation,
        string aggregateType = AggregateType, int occurrences = 1)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO dead_letters (id, aggregate_type, aggregate_id, operation, from_state, to_state, reason_message,
                exception_type, stack_trace, retry_count, first_failed_at, last_failed_at, source, correlation_key, payload,
                status, fingerprint, closed_at, occurrences)
            SELECT gen_random_uuid(), @type, @prefix || '-' || n, @operation, 'Draft', 'Submitted', @reason,
                'System.Net.Sockets.SocketException', 'System.Net.Sockets.SocketException: connection refused' || chr(10) || '   at Sender.Send()',
                3, @at - make_interval(secs => n + 60), @at - make_interval(secs => n), @source, 'corr-' || n,
                jsonb_build_object('n', n), @status, @fingerprint, @closed, @occurrences
            FROM generate_series(1, @count) AS n
            RETURNING id
            """, conn);
        cmd.Parameters.AddWithValue("type", aggregateType);
        cmd.Parameters.AddWithValue("prefix", prefix);
        cmd.Parameters.AddWithValue("operation", operation);
        cmd.Parameters.AddWithValue("reason", Reason);
        cmd.Parameters.AddWithValue("at", at);
        cmd.Parameters.AddWithValue("source", source);
        cmd.Parameters.AddWithValue("status", status.ToString());
        cmd.Parameters.AddWithValue("fingerprint", fingerprint);
        cmd.Parameters.AddWithValue("closed", closedAt is { } c ? c : DBNull.Value);
        cmd.Parameters.AddWithValue("count", count);
        cmd.Parameters.AddWithValue("occurrences", occurrences);
        var ids = new List<Guid>(count);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }
}

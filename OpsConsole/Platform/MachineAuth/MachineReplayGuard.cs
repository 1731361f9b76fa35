using Npgsql;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// Remembers accepted signatures in PostgreSQL, so a replay is refused by whichever app instance receives it:
/// the first insert of a signature wins, every later one affects no row. A signature is recorded either on its own before
/// the endpoint runs (<see cref="TryRecordAsync"/>), or within the endpoint's write (<see cref="AddTo"/>) when the endpoint
/// is marked <see cref="SignatureRecordedWithWrite"/>.
/// </summary>
public sealed class MachineReplayGuard(OpsConnections connections)
{
    /// <summary>The check a replay fails, as the refusal names it.</summary>
    public const string Check = "replay";

    public const string Detail = $"{MachineSignature.SignatureHeader} was already used: a replayed request is refused; sign each "
        + $"request afresh with a new {MachineSignature.TimestampHeader}";

    /// <summary>The SQLSTATE <c>record_machine_signature</c> raises for a signature already recorded.</summary>
    const string ReplayState = "OPS01";

    /// <summary>True when the signature is new (and now recorded); false when it was seen before.</summary>
    /// <remarks>
    /// The insert commits without waiting for its WAL flush (synchronous_commit off for this one transaction), so a signed
    /// request waits for one disk flush, the endpoint's own, not two. Nothing is lost by that: WAL is flushed in order, so
    /// the flush of the request's later commit carries this record too; and if the server stops before any flush, the
    /// request's own effects were not committed either, so a replay of it finds nothing done.
    /// </remarks>
    public async Task<bool> TryRecordAsync(MachineSignatureRecord record, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        // One statement, one round trip: the setting is local to the statement's own transaction and is still in force
        // when that transaction commits.
        await using var insert = new NpgsqlCommand("""
            WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
            INSERT INTO machine_request_signatures (signature, key_id, seen_at)
            SELECT @signature, @key_id, @seen_at FROM async_commit
            ON CONFLICT DO NOTHING
            """, connection);
        AddParameters(insert.Parameters, record);
        return await insert.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// Puts the signature's record first in a batch that runs as one transaction (no error barriers, no transaction of the
    /// caller's that outlives the batch). When the signature was recorded before, the batch fails with a replay
    /// (<see cref="IsReplay"/>) and none of it is stored; its first result set is the record's own, one row.
    /// </summary>
    public static void AddTo(NpgsqlBatch batch, MachineSignatureRecord record)
    {
        var command = new NpgsqlBatchCommand("SELECT record_machine_signature(@signature, @key_id, @seen_at)");
        AddParameters(command.Parameters, record);
        batch.BatchCommands.Insert(0, command);
    }

    static void AddParameters(NpgsqlParameterCollection parameters, MachineSignatureRecord record)
    {
        parameters.AddWithValue("signature", record.Signature);
        parameters.AddWithValue("key_id", record.KeyId);
        parameters.AddWithValue("seen_at", record.SeenAt);
    }

    /// <summary>True when a write failed because the signature recorded with it (<see cref="AddTo"/>) had been used before.</summary>
    public static bool IsReplay(PostgresException ex) => ex.SqlState == ReplayState;
}

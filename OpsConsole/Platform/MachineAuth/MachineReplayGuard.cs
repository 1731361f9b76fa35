using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// Remembers accepted signatures in PostgreSQL, so a replay is refused by whichever app instance receives it:
/// the first insert of a signature wins, every later one affects no row.
/// </summary>
/// <remarks>
/// The insert commits without waiting for its WAL flush (synchronous_commit off for this one transaction), so a signed
/// request waits for one disk flush, the ingest's own, not two. Nothing is lost by that: WAL is flushed in order, so
/// the flush of the request's later commit carries this record too; and if the server stops before any flush, the
/// request's own effects were not committed either, so a replay of it finds nothing done.
/// </remarks>
public sealed class MachineReplayGuard(IDbContextFactory<OpsDbContext> dbs)
{
    /// <summary>True when the signature is new (and now recorded); false when it was seen before.</summary>
    public async Task<bool> TryRecordAsync(string signature, string keyId, DateTimeOffset seenAt, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        // One statement, one round trip: the setting is local to the statement's own transaction and is still in force
        // when that transaction commits.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
            INSERT INTO machine_request_signatures (signature, key_id, seen_at)
            SELECT {signature}, {keyId}, {seenAt} FROM async_commit
            ON CONFLICT DO NOTHING
            """,
            ct);
        return inserted == 1;
    }
}

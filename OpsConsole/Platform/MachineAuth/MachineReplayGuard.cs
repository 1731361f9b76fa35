using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// Remembers accepted signatures in PostgreSQL, so a replay is refused by whichever app instance receives it:
/// the first insert of a signature wins, every later one affects no row.
/// </summary>
public sealed class MachineReplayGuard(IDbContextFactory<OpsDbContext> dbs)
{
    /// <summary>True when the signature is new (and now recorded); false when it was seen before.</summary>
    public async Task<bool> TryRecordAsync(string signature, string keyId, DateTimeOffset seenAt, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO machine_request_signatures (signature, key_id, seen_at) VALUES ({signature}, {keyId}, {seenAt}) ON CONFLICT DO NOTHING",
            ct);
        return inserted == 1;
    }
}

using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Approvals;

/// <summary>When the SLA due job next has work, so that the wake-up timers arm for it; it only reads.</summary>
public sealed class SlaNextDue(IDbContextFactory<OpsDbContext> dbs, TimeProvider time)
{
    /// <summary>The earliest due time, or, given <paramref name="after"/>, the earliest after it; null when none.</summary>
    public async Task<DateTimeOffset?> EarliestAsync(DateTimeOffset? after = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var at = await db.Database.SqlQueryRaw<DateTimeOffset>(SlaClaim.EarliestSql,
            new NpgsqlParameter("now", time.GetUtcNow()), new NpgsqlParameter("after", after ?? DateTimeOffset.MinValue)).ToListAsync(ct);
        return at is [var earliest] ? earliest : null;
    }
}

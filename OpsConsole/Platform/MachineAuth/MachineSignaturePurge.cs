using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>Forgets accepted machine-client signatures once no request carrying them could still be accepted.</summary>
public sealed class MachineSignaturePurge(IDbContextFactory<OpsDbContext> dbs, TimeProvider time)
{
    /// <summary>Twice the ±5 min timestamp window, so a clock skewed to the window's edge still meets its signature.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow() - KeepFor;
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.MachineRequestSignatures.Where(s => s.SeenAt < cutoff).ExecuteDeleteAsync(ct);
    }
}

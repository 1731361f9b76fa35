using OpsConsole.Domain.Audit;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>Puts events on a test database's trail directly, for tests about reading, exporting and verifying it.</summary>
public static class AuditTrailSeeding
{
    public static async Task<AuditEvent> AppendAloneAsync(this AuditTrail trail, OpsDbContext db, AuditEntry entry, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var e = await trail.AppendAsync(db, entry, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return e;
    }
}

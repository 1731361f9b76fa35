using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Audit;

/// <summary>
/// Writes the events that match a filter as CSV, newest first. The export is recorded first, so it is on the trail
/// even if the download breaks off, and it covers exactly the events older than its own record.
/// </summary>
public sealed class AuditExport(IDbContextFactory<OpsDbContext> dbs, AuditTrail trail, AuditQuery query)
{
    const int BatchSize = 1000;

    /// <summary>Returns the number of events written.</summary>
    public async Task<int> WriteCsvAsync(AuditFilter filter, string actor, TextWriter writer, CancellationToken ct = default)
    {
        long recordId;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            recordId = (await trail.AppendAloneAsync(db, new AuditEntry(actor, AuditActions.Exported, "audit", "export", filter.ToJson()), ct)).Id;

        await writer.WriteAsync(AuditCsv.Header + "\r\n");
        var count = 0;
        await foreach (var e in query.StreamNewestFirstAsync(filter, recordId, BatchSize, ct))
        {
            await writer.WriteAsync(AuditCsv.Row(e) + "\r\n");
            if (++count % BatchSize == 0)
                await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
        return count;
    }
}

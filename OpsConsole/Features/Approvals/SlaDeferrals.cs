using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// Holds back a request whose SLA steps failed, so the timers do not claim it again every tick; the claims skip it until
/// its deferral passes. <see cref="SlaStepTransition"/> removes the row when the request's steps go through.
/// </summary>
public sealed class SlaDeferrals(IDbContextFactory<OpsDbContext> contexts, IOptions<SlaOptions> sla, TimeProvider time, ILogger<SlaDeferrals> log)
{
    /// <summary>Counts one more failure in a row and defers the request by <see cref="SlaRetryDelay"/>; returns until when,
    /// or null when the deferral could not be written (the failure itself is already a dead letter).</summary>
    public async Task<DateTimeOffset?> DeferAsync(Guid requestId, string operation, CancellationToken ct)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var previous = await db.Database.SqlQuery<int>(
                $"SELECT failures AS \"Value\" FROM sla_deferrals WHERE request_id = {requestId} FOR UPDATE").ToListAsync(ct);
            var failures = 1 + previous.FirstOrDefault();
            var until = time.GetUtcNow() + SlaRetryDelay.After(failures, sla.Value.DueJobInterval, sla.Value.SweepInterval);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO sla_deferrals (request_id, failures, deferred_until) VALUES ({requestId}, {failures}, {until})
                ON CONFLICT (request_id) DO UPDATE SET failures = EXCLUDED.failures, deferred_until = EXCLUDED.deferred_until
                """, ct);
            await tx.CommitAsync(ct);
            SlaLog.Deferred(log, operation, requestId, failures, until);
            return until;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            SlaLog.DeferralNotWritten(log, ex, operation, requestId);
            return null;
        }
    }
}

using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// Holds back a request whose SLA steps failed, so the timers do not claim it again every tick; the claims skip it until
/// its deferral passes. <see cref="SlaStepTransition"/> removes the row when the request's steps go through. Each
/// deferral is a guarded transition with its audit event, so the request's history says why its SLA waited.
/// </summary>
public sealed class SlaDeferrals(GuardedTransitions transitions, IOptions<SlaOptions> sla, TimeProvider time, ILogger<SlaDeferrals> log)
{
    public const string Operation = "sla.defer";

    /// <summary>Counts one more failure in a row and defers the request by <see cref="SlaRetryDelay"/>; returns until when,
    /// or null when the deferral could not be written (the failure itself is already a dead letter).</summary>
    public async Task<DateTimeOffset?> DeferAsync(Guid requestId, string operation, CancellationToken ct)
    {
        var (failures, until) = (0, DateTimeOffset.MinValue);
        var work = new TransitionContext(ApprovalAuditActions.SubjectType, requestId.ToString(), Operation, DeadLetterSources.Sweeper);
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            var db = attempt.Db;
            var previous = await db.Database.SqlQuery<int>(
                $"SELECT failures AS \"Value\" FROM sla_deferrals WHERE request_id = {requestId} FOR UPDATE").ToListAsync(token);
            failures = 1 + previous.FirstOrDefault();
            until = time.GetUtcNow() + SlaRetryDelay.After(failures, sla.Value.DueJobInterval, sla.Value.SweepInterval);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO sla_deferrals (request_id, failures, deferred_until) VALUES ({requestId}, {failures}, {until})
                ON CONFLICT (request_id) DO UPDATE SET failures = EXCLUDED.failures, deferred_until = EXCLUDED.deferred_until
                """, token);
            var described = TransitionEffects.Of(new AuditEntry(
                ApprovalActor.Sla.Id, ApprovalAuditActions.SlaDeferred, ApprovalAuditActions.SubjectType, requestId.ToString(),
                new JsonObject { ["operation"] = operation, ["failuresInARow"] = failures, ["deferredUntil"] = until }));
            // The request is due again when its deferral passes.
            described.Wakes.At(SlaTimers.WakeJob, until);
            return TransitionDecision.Apply(nameof(ApprovalStatus.Pending), "deferred", described);
        }, WhenExhausted.HandBack, ct);
        if (outcome is not TransitionOutcome.Applied)
        {
            SlaLog.DeferralNotWritten(log, operation, requestId, outcome.ToString());
            return null;
        }
        SlaLog.Deferred(log, operation, requestId, failures, until);
        return until;
    }
}

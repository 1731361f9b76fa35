using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Audit;

/// <summary>
/// Writes the events that match a filter as CSV, newest first. The export is recorded first, so it is on the trail
/// even if the download breaks off, and it covers exactly the events older than its own record.
/// </summary>
public sealed class AuditExport(GuardedTransitions transitions, AuditQuery query)
{
    const int BatchSize = 1000;

    /// <summary>Returns the number of events written.</summary>
    public async Task<int> WriteCsvAsync(AuditFilter filter, string actor, TextWriter writer, CancellationToken ct = default)
    {
        var recorded = await transitions.RunAsync(new TransitionContext("audit", "export", AuditActions.Exported, DeadLetterSources.Ui),
            (_, _) => Task.FromResult(TransitionDecision.Apply("", "exported",
                TransitionEffects.Of(new AuditEntry(actor, AuditActions.Exported, "audit", "export", filter.ToJson())))), ct);
        if (recorded is not TransitionOutcome.Applied { AuditEventIds: [var recordId] })
            throw new InvalidOperationException($"The export could not be recorded on the audit trail ({recorded}); nothing was exported.");

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

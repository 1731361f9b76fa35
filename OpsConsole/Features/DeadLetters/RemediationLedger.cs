using System.Text.Json.Nodes;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;

namespace OpsConsole.Features.DeadLetters;

/// <summary>
/// What every remediation step leaves behind, staged in the caller's transaction: a history row (only ever added),
/// an audit event and a live announcement of the record's status.
/// </summary>
public sealed class RemediationLedger(AuditTrail audit, LiveAnnouncer live, TimeProvider time)
{
    public const string SubjectType = "dead_letter";

    public void AddHistory(OpsDbContext db, Guid id, string actor, string action, string? note, string outcome) =>
        db.DeadLetterActions.Add(new DeadLetterAction
        {
            DeadLetterId = id,
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            Note = note,
            Outcome = outcome,
        });

    public Task AuditAsync(OpsDbContext db, string actor, string action, DeadLetter letter, string? note, string outcome,
        CancellationToken ct, JsonObject? more = null)
    {
        var details = new JsonObject
        {
            ["outcome"] = outcome,
            ["note"] = note,
            ["aggregateType"] = letter.AggregateType,
            ["aggregateId"] = letter.AggregateId,
            ["operation"] = letter.Operation,
            ["status"] = letter.Status.ToString(),
        };
        foreach (var (key, value) in more ?? [])
            details[key] = value?.DeepClone();
        return audit.AppendAsync(db, new AuditEntry(actor, action, SubjectType, letter.Id.ToString(), details), ct);
    }

    public Task AnnounceAsync(OpsDbContext db, DeadLetter letter, CancellationToken ct) =>
        live.AnnounceAsync(db, new LiveChange(LiveTopics.DeadLetters, LiveChange.Changed, letter.Id.ToString(),
            new Dictionary<string, string> { ["status"] = letter.Status.ToString() }), ct);
}

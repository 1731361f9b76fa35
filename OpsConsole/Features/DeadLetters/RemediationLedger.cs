using System.Text.Json.Nodes;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.DeadLetters;

/// <summary>
/// What every remediation step leaves behind: a history row (only ever added) staged with the record's change, and the
/// effects the executor writes with it, an audit event and a live announcement of the record's status.
/// </summary>
public sealed class RemediationLedger(TimeProvider time)
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

    public static TransitionEffects Effects(string actor, string action, DeadLetter letter, string? note, string outcome, JsonObject? more = null)
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
        return TransitionEffects.Of(new AuditEntry(actor, action, SubjectType, letter.Id.ToString(), details), Announcement(letter));
    }

    public static LiveChange Announcement(DeadLetter letter) =>
        new(LiveTopics.DeadLetters, LiveChange.Changed, letter.Id.ToString(), new Dictionary<string, string> { ["status"] = letter.Status.ToString() });
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpsConsole.Contracts.PackApprovals;

namespace OpsConsole.Domain.PackApprovals;

/// <summary>
/// How events and decisions meet a stored approval: a repeat changes nothing and sends nothing, a change of what was
/// already accepted is a conflict, and a decision is made once (the same decision again is answered as before).
/// </summary>
public static class PackApprovalRules
{
    public const int MaxCommentLength = 2000;

    /// <summary>
    /// Names what a revision says: plan, grants, steps, message, callback and the token's SHA-256 (never the token), in a
    /// fixed order. The event id and times are left out, so the same content sent again under a new event id is a repeat.
    /// </summary>
    public static string Fingerprint(int revision, string planHash, IReadOnlyList<string> grants, IReadOnlyList<string> steps,
        PackMessage message, string callbackUrl, string? resumeToken)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            revision, PackDecisionHash.PlainPlanHash(planHash), grants, steps, message.Template, message.Locale,
            message.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new[] { v.Key, v.Value }).ToArray(),
            callbackUrl, resumeToken is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resumeToken))),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static PackVerdict OnRequested(PackRevision? stored, string fingerprint) => stored switch
    {
        null => PackVerdict.Apply,
        { Revision: 1 } when stored.Fingerprint == fingerprint => PackVerdict.Repeat,
        { Revision: 1 } => PackVerdict.Conflict(
            $"Approval {stored.ApprovalId} of run {stored.RunId} was requested before with other content; send a PackApprovalUpdated with revision 2 to change it."),
        _ => PackVerdict.Conflict(
            $"Approval {stored.ApprovalId} of run {stored.RunId} is at revision {stored.Revision}; its request can no longer be changed."),
    };

    /// <param name="fingerprint">Of the update as sent, for a repeat of the stored revision.</param>
    public static PackVerdict OnUpdated(PackRevision? stored, int revision, string fingerprint, bool undecided)
    {
        if (stored is null)
            return PackVerdict.Missing("No such approval has been requested; send PackApprovalRequested first.");
        if (revision == stored.Revision && fingerprint == stored.Fingerprint)
            return PackVerdict.Repeat;
        if (revision <= stored.Revision)
            return PackVerdict.Conflict($"Revision {revision} is not above the stored revision {stored.Revision}.");
        if (!undecided || stored.Decided)
            return PackVerdict.Conflict($"Approval {stored.ApprovalId} of run {stored.RunId} is no longer pending; a decided or closed approval is not updated.");
        return PackVerdict.Apply;
    }

    /// <summary>A decision by hash: the stored one again is a repeat; another on a decided approval is a conflict.</summary>
    public static PackVerdict OnDecision(PackApproval stored, string decisionHash)
    {
        if (stored.DecisionHash is null)
            return PackVerdict.Apply;
        return stored.DecisionHash == decisionHash
            ? PackVerdict.Repeat
            : PackVerdict.Conflict($"Approval {stored.ApprovalId} of run {stored.RunId} was decided before ({stored.Decision} by {stored.DecidedBy}).");
    }

    /// <summary>What is wrong with a decision sent over the API, field by field.</summary>
    public static IReadOnlyList<Approvals.FieldError> CheckDecision(PackApproval stored, PackAckRequest ack)
    {
        var errors = new List<Approvals.FieldError>();
        var decision = ack.Decision?.ToLowerInvariant();
        if (decision is not (PackDecisions.Approve or PackDecisions.Reject))
            errors.Add(new("decision", $"decision must be {PackDecisions.Approve} or {PackDecisions.Reject}."));
        if (string.IsNullOrWhiteSpace(ack.Actor) || ack.Actor.Length > 256)
            errors.Add(new("actor", "actor must name who decided, 1 to 256 characters."));
        if (ack.Comment is { Length: > MaxCommentLength })
            errors.Add(new("comment", $"comment must be at most {MaxCommentLength} characters."));
        if (decision == PackDecisions.Reject && string.IsNullOrWhiteSpace(ack.Comment))
            errors.Add(new("comment", "A rejection needs a comment saying why."));
        if (string.IsNullOrEmpty(ack.DecisionHash))
            errors.Add(new("decisionHash", "decisionHash is required."));
        else if (decision is not null && errors.All(e => e.Field != "decision")
            && ack.DecisionHash != PackDecisionHash.Compute(stored.Tenant, stored.RunId, stored.ApprovalId, stored.PlanHash, decision))
            errors.Add(new("decisionHash", "decisionHash does not match this approval and decision (see PackDecisionHash in the contract)."));
        return errors;
    }
}

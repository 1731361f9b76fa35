using System.Globalization;
using System.Text.Json.Nodes;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Stellar;

/// <summary>What goes with a change of a submission: its audit event (never the envelope's signature or any key but
/// the public account), and the request's change when it moves with it, announced on the request's live topic.</summary>
static class SubmissionEffects
{
    public const string Actor = "system:stellar";

    public static TransitionEffects Of(string action, MintSubmission s, string? reason = null)
    {
        var details = new JsonObject
        {
            ["requestId"] = s.RequestId.ToString(),
            ["status"] = s.Status.ToString(),
        };
        if (s.Hash.Length > 0)
        {
            details["hash"] = s.Hash;
            details["sequence"] = s.Sequence.ToString(CultureInfo.InvariantCulture);
            // Unix seconds, as the envelope carries it.
            details["maxTime"] = s.MaxTime?.ToUnixTimeSeconds();
        }
        if (s.Ledger is { } ledger)
            details["ledger"] = ledger;
        if (s.ResultCodes is { } codes)
            details["resultCodes"] = codes;
        if ((reason ?? s.Reason) is { } why)
            details["reason"] = why;
        if (s.RebuildOf is { } old)
            details["rebuildOf"] = old.ToString();
        return TransitionEffects.Of(
            new AuditEntry(Actor, action, StellarAuditActions.SubjectType, s.Id.ToString(), details),
            new LiveChange(LiveTopics.Approvals, LiveChange.Changed, s.RequestId.ToString(), new Dictionary<string, string> { ["stellar"] = s.Status.ToString() }));
    }

    /// <summary>A refusal to build for a request that is not Approved: audited on the request, with no submission row, so
    /// that the request is still submitted once it is approved.</summary>
    public static TransitionEffects RefusedRequest(Guid requestId, string reason) =>
        TransitionEffects.Of(new AuditEntry(Actor, StellarAuditActions.Refused, ApprovalAuditActions.SubjectType, requestId.ToString(),
            new JsonObject { ["reason"] = reason }));
}

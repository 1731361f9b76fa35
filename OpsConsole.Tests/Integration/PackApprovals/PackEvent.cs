using System.Text.Json;
using OpsConsole.Contracts.PackApprovals;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>Task Runner events built from the client contract, as a client would send them.</summary>
static class PackEventsFor
{
    public const string Plan = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public const string Token = "resume-token-7f3a9c1e-do-not-leak";
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static PackApprovalRequested Requested(string runId, DateTimeOffset at, string approvalId = "deploy-prod", string tenant = "demo",
        string callback = "https://runner.example/resume") => new()
        {
            EventId = $"evt-{runId}-{approvalId}",
            Tenant = tenant,
            RunId = runId,
            OccurredAt = at,
            CorrelationId = $"corr-{runId}",
            ApprovalId = approvalId,
            PlanHash = "sha256:" + Plan,
            RequiredGrants = ["deploy:production"],
            StepIds = ["s1", "s2"],
            Message = new() { Template = PackTemplates.ApprovalRequested, Locale = "en", Values = new Dictionary<string, string> { ["pack"] = "payments" } },
            ResumeCallbackUrl = callback,
            ResumeToken = Token,
        };

    public static PackApprovalUpdated Updated(PackApprovalRequested requested, int revision, string[] steps) => new()
    {
        EventId = $"{requested.EventId}-r{revision}",
        Tenant = requested.Tenant,
        RunId = requested.RunId,
        OccurredAt = requested.OccurredAt,
        ApprovalId = requested.ApprovalId,
        Revision = revision,
        PlanHash = requested.PlanHash,
        RequiredGrants = requested.RequiredGrants,
        StepIds = steps,
        Message = requested.Message,
        ResumeCallbackUrl = requested.ResumeCallbackUrl,
    };

    public static PackPolicyHold Hold(string runId, DateTimeOffset at) => new()
    {
        EventId = $"hold-{runId}",
        Tenant = "demo",
        RunId = runId,
        OccurredAt = at,
        Gate = "change-freeze",
        Parameters = new Dictionary<string, string> { ["window"] = "2026-12-01/2026-12-08" },
        Messages = ["A change freeze is in force until Tuesday."],
    };

    /// <summary>The JSON a client sends: the contract model written as its base type, so it carries its <c>type</c>.</summary>
    public static string Json(PackEvent e) => JsonSerializer.Serialize(e, Web);

    /// <summary>A decision on the approval, with the hash of its plan, as the CLI sends it.</summary>
    public static PackAckRequest Ack(PackApprovalRequested r, string decision, string actor = "manager@demo.local", string? comment = null) => new()
    {
        Decision = decision,
        Actor = actor,
        Comment = comment,
        DecisionHash = PackDecisionHash.Compute(r.Tenant, r.RunId, r.ApprovalId, r.PlanHash, decision),
    };

    public static string AckPath(PackApprovalRequested r) => $"/notifications/pack-approvals/{r.RunId}/{r.ApprovalId}/ack";

    public static string Json(PackAckRequest ack) => JsonSerializer.Serialize(ack, Web);
}

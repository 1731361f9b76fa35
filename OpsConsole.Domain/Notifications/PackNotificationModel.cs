using OpsConsole.Domain.PackApprovals;

namespace OpsConsole.Domain.Notifications;

/// <summary>What a notice about a Task Runner event says: an approval fills the plan's fields, a hold the gate's. The
/// link leads to the request (an approval) or to the alerts (a hold). The resume token is never part of it.</summary>
public sealed record PackNotificationModel(string Tenant, string RunId, string Link)
{
    static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public string? ApprovalId { get; init; }
    public string? PlanHash { get; init; }
    public IReadOnlyList<string> StepIds { get; init; } = [];
    public IReadOnlyList<string> RequiredGrants { get; init; } = [];
    /// <summary>The values of the event's message (pack, environment, summary, …).</summary>
    public IReadOnlyDictionary<string, string> MessageValues { get; init; } = None;
    public string? Gate { get; init; }
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = None;
    /// <summary>What the gate said, in order.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    public static PackNotificationModel ForApproval(PackApproval a, string link) => new(a.Tenant, a.RunId, link)
    {
        ApprovalId = a.ApprovalId,
        PlanHash = a.PlanHash,
        StepIds = a.StepIds,
        RequiredGrants = a.RequiredGrants,
        MessageValues = a.MessageValues,
    };

    public static PackNotificationModel ForHold(PackHold h, string link) => new(h.Tenant, h.RunId, link)
    {
        Gate = h.Gate,
        Parameters = h.Parameters,
        Messages = h.Messages,
    };
}

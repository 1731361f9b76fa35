using System.Text.Json.Nodes;

namespace OpsConsole.Features.Approvals;

/// <summary>One audit event of a request: when, who, what, and its details (tier, reason, from and to).</summary>
public sealed record ApprovalHistoryItem(DateTimeOffset At, string Actor, string Action, JsonObject Details);

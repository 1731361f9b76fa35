using System.Text.Json.Nodes;

namespace OpsConsole.Platform.Audit;

/// <summary>What happened, by whom, to what; the trail adds the time, id and hashes.</summary>
public sealed record AuditEntry(string Actor, string Action, string SubjectType, string SubjectId, JsonObject? Details = null)
{
    public static string System(string job) => $"system:{job}";
}

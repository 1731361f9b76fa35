using System.Text.Json.Nodes;

namespace OpsConsole.Domain.Audit;

/// <summary>One append-only row of the audit trail. <see cref="Hash"/> chains it to the row before.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary>A user's e-mail, or <c>system:&lt;job&gt;</c> for background work.</summary>
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string SubjectType { get; set; }
    public required string SubjectId { get; set; }
    public JsonObject Details { get; set; } = [];
    public required string PrevHash { get; set; }
    public required string Hash { get; set; }
}

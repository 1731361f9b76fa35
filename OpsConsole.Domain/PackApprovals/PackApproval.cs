namespace OpsConsole.Domain.PackApprovals;

/// <summary>
/// A Task Runner approval as the console keeps it: its latest revision, the approval request people act on, and the
/// decision once made. The resume token is held only in its protected (encrypted) form.
/// </summary>
public sealed class PackApproval
{
    public Guid Id { get; set; }
    public required string Tenant { get; set; }
    public required string RunId { get; set; }
    public required string ApprovalId { get; set; }
    /// <summary>The machine key that sent it; the resume call is signed with the same key.</summary>
    public required string KeyId { get; set; }
    public int Revision { get; set; } = 1;
    public required string PlanHash { get; set; }
    public List<string> RequiredGrants { get; set; } = [];
    public List<string> StepIds { get; set; } = [];
    public required string MessageTemplate { get; set; }
    public string? MessageLocale { get; set; }
    /// <summary>Read-only: an update replaces it whole.</summary>
    public IReadOnlyDictionary<string, string> MessageValues { get; set; } = new Dictionary<string, string>();
    public required string ResumeCallbackUrl { get; set; }
    public required string ProtectedResumeToken { get; set; }
    /// <summary>Names the content of the latest revision, so a repeat is told from a change (<see cref="PackApprovalRules.Fingerprint"/>).</summary>
    public required string Fingerprint { get; set; }
    public Guid RequestId { get; set; }
    public required string CorrelationId { get; set; }
    public required string LastEventId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary><c>approve</c> or <c>reject</c> once decided.</summary>
    public string? Decision { get; set; }
    public string? DecisionHash { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionComment { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>PostgreSQL xmin, for optimistic concurrency.</summary>
    public uint Version { get; set; }
}

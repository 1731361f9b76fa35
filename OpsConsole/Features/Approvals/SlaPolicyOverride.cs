using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>A row of <c>sla_policy_overrides</c>: an Admin's edit of one kind's SLA policy, which wins over the settings
/// until it is reset. A null duration turns that step off.</summary>
public sealed class SlaPolicyOverride
{
    public ApprovalKind Kind { get; set; }
    public TimeSpan? RemindAfter { get; set; }
    public TimeSpan? EscalateAfter { get; set; }
    public TimeSpan? EscalateFinalAfter { get; set; }
    public TimeSpan? ExpireAfter { get; set; }
    public SlaClock Clock { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>PostgreSQL's xmin: an edit made from an older read is refused rather than silently overwriting.</summary>
    public uint Version { get; set; }

    public SlaPolicy ToPolicy() => new()
    {
        RemindAfter = RemindAfter,
        EscalateAfter = EscalateAfter,
        EscalateFinalAfter = EscalateFinalAfter,
        ExpireAfter = ExpireAfter,
        Clock = Clock,
    };

    public void Set(SlaPolicy policy)
    {
        RemindAfter = policy.RemindAfter;
        EscalateAfter = policy.EscalateAfter;
        EscalateFinalAfter = policy.EscalateFinalAfter;
        ExpireAfter = policy.ExpireAfter;
        Clock = policy.Clock;
    }
}

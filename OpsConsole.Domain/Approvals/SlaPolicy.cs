namespace OpsConsole.Domain.Approvals;

/// <summary>When each SLA step of a request kind happens; a null duration turns that step off.</summary>
public sealed record SlaPolicy
{
    public TimeSpan? RemindAfter { get; init; }
    public TimeSpan? EscalateAfter { get; init; }
    public TimeSpan? EscalateFinalAfter { get; init; }
    public TimeSpan? ExpireAfter { get; init; }
    public SlaClock Clock { get; init; } = SlaClock.WallClock;

    public static SlaPolicy MintDefault { get; } = new()
    {
        RemindAfter = TimeSpan.FromHours(4),
        EscalateAfter = TimeSpan.FromHours(12),
        EscalateFinalAfter = null,
        ExpireAfter = TimeSpan.FromHours(24),
        Clock = SlaClock.WallClock,
    };

    /// <summary>A run waits on it, so it is chased harder, on the business-hours clock, up to top management.</summary>
    public static SlaPolicy PackApprovalDefault { get; } = new()
    {
        RemindAfter = TimeSpan.FromHours(1),
        EscalateAfter = TimeSpan.FromHours(4),
        EscalateFinalAfter = TimeSpan.FromHours(8),
        ExpireAfter = TimeSpan.FromHours(24),
        Clock = SlaClock.BusinessHours,
    };

    public static SlaPolicy DefaultFor(ApprovalKind kind) => kind switch
    {
        ApprovalKind.Mint => MintDefault,
        ApprovalKind.PackApproval => PackApprovalDefault,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No default SLA policy for this kind."),
    };

    public TimeSpan? After(SlaStep step) => step switch
    {
        SlaStep.Remind => RemindAfter,
        SlaStep.Escalate => EscalateAfter,
        SlaStep.EscalateFinal => EscalateFinalAfter,
        SlaStep.Expire => ExpireAfter,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    /// <summary>Messages naming each setting at fault; empty when the policy is usable.</summary>
    public IReadOnlyList<string> Problems(string kind) => [.. FieldProblems(kind).Select(p => p.Message)];

    /// <summary>The same problems, each tied to its field (<c>RemindAfter</c>, …, <c>Clock</c>) for a form to show beside it.</summary>
    public IReadOnlyList<FieldError> FieldProblems(string kind)
    {
        var problems = new List<FieldError>();
        foreach (var step in Enum.GetValues<SlaStep>())
            if (After(step) is { } d && d <= TimeSpan.Zero)
                problems.Add(new($"{step}After", $"Sla:Policies:{kind}:{step}After must be a positive time span or empty"));
        if (!Enum.IsDefined(Clock))
            problems.Add(new(nameof(Clock), $"Sla:Policies:{kind}:Clock must be {string.Join(" or ", Enum.GetNames<SlaClock>())}"));
        return problems;
    }
}

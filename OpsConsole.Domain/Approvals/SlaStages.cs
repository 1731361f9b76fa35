namespace OpsConsole.Domain.Approvals;

/// <summary>Which SLA stage a pending request is in, and how people read it.</summary>
public static class SlaStages
{
    /// <summary>The latest step that fired decides; null for a request that is not pending.</summary>
    public static SlaStage? Of(ApprovalRequest request) => request.Status != ApprovalStatus.Pending ? null
        : request.EscalatedFinalAt is not null ? SlaStage.EscalatedFinal
        : request.EscalatedAt is not null ? SlaStage.Escalated
        : request.RemindedAt is not null ? SlaStage.Reminded
        : SlaStage.New;

    public static string Label(SlaStage stage) => stage switch
    {
        SlaStage.New => "New",
        SlaStage.Reminded => "Reminded",
        SlaStage.Escalated => "Escalated to Managers",
        SlaStage.EscalatedFinal => "Escalated to top management",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>A step as a noun: "Reminder", "Escalation", "Final escalation", "Expiry".</summary>
    public static string StepNoun(SlaStep step) => step switch
    {
        SlaStep.Remind => "Reminder",
        SlaStep.Escalate => "Escalation",
        SlaStep.EscalateFinal => "Final escalation",
        SlaStep.Expire => "Expiry",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}

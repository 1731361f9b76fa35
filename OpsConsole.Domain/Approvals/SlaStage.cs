namespace OpsConsole.Domain.Approvals;

/// <summary>How far up its SLA ladder a pending request has gone: the last step that fired (an expired request is no
/// longer pending, so it has no stage).</summary>
public enum SlaStage
{
    /// <summary>No step fired yet.</summary>
    New,
    Reminded,
    /// <summary>Escalated to the department's Managers (tier 2).</summary>
    Escalated,
    /// <summary>Escalated to top management (tier 3).</summary>
    EscalatedFinal,
}

namespace OpsConsole.Domain.Approvals;

/// <summary>The timed steps of a pending request, in ladder order.</summary>
public enum SlaStep
{
    Remind,
    Escalate,
    EscalateFinal,
    Expire,
}

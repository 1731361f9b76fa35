namespace OpsConsole.Features.Approvals;

/// <summary>What one SLA transition came to: the requests it claimed (in claim order), the steps it fired, and, when it
/// failed, why, and the dead letter written for it unless the failure was handed back to the caller.</summary>
public sealed record SlaStepsResult(IReadOnlyList<Guid> Claimed, int Steps, string? Failure = null, Guid? DeadLetterId = null)
{
    public bool Succeeded => Failure is null;
}

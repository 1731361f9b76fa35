namespace OpsConsole.Features.Wall;

/// <summary>The parts of the wall that are read on their own, so a change of one topic costs the read of one part.</summary>
[Flags]
public enum WallParts
{
    Alerts = 1,
    Approvals = 2,
    DeadLetters = 4,
    Funding = 8,
    All = Alerts | Approvals | DeadLetters | Funding,
}

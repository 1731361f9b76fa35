using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>The pending requests by SLA stage (every stage present, zero when none), how many are past the due time of
/// their next step, and the steps that fall due first.</summary>
public sealed record PendingApprovals(IReadOnlyDictionary<SlaStage, int> ByStage, int Overdue, IReadOnlyList<NextSlaStep> NextSteps)
{
    public int Total => ByStage.Values.Sum();

    public static PendingApprovals None { get; } = new(Enum.GetValues<SlaStage>().ToDictionary(s => s, _ => 0), 0, []);
}

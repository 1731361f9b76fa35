namespace OpsConsole.Domain.Approvals;

/// <summary>The highest tier someone may act at, everywhere and per department: the inbox filters by it and the host
/// authorizes by it. A request is covered when its tier is at most the tier allowed in its department.</summary>
public sealed record ActingScope(int EveryDepartmentTier, IReadOnlyDictionary<string, int> DepartmentTiers)
{
    public int TierIn(string department) =>
        Math.Max(EveryDepartmentTier, DepartmentTiers.TryGetValue(department, out var tier) ? tier : 0);

    public bool Covers(string department, int tier) => tier >= ApprovalRequest.MinTier && tier <= TierIn(department);
}

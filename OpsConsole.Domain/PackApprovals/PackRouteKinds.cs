namespace OpsConsole.Domain.PackApprovals;

/// <summary>The kinds of Task Runner event a routing rule answers to.</summary>
public static class PackRouteKinds
{
    /// <summary>A requested approval (<c>PackApprovalRequested</c>).</summary>
    public const string Approval = "pack.approval";

    /// <summary>A policy gate holding a run (<c>PackPolicyHold</c>).</summary>
    public const string PolicyHold = "pack.policy.hold";

    public static IReadOnlyList<string> All { get; } = [Approval, PolicyHold];
}

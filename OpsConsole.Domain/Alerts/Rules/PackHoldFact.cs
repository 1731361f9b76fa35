namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>The latest hold of a run at a policy gate, when the run was last heard of otherwise (an approval requested or
/// updated after it), and when an alert of the hold was last acknowledged.</summary>
public sealed record PackHoldFact(
    string Tenant,
    string RunId,
    string Gate,
    IReadOnlyList<string> Messages,
    DateTimeOffset HeldAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? RunMovedOnAt,
    DateTimeOffset? AcknowledgedAt)
{
    public string ScopeKey => $"{Tenant}/{RunId}/{Gate}";
}

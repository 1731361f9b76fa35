namespace OpsConsole.Contracts.PackApprovals;

/// <summary>A policy gate holds the run; operators see it as an alert and in their inbox.</summary>
public sealed record PackPolicyHold : PackEvent
{
    /// <summary>The gate that holds the run, e.g. <c>change-freeze</c>.</summary>
    public required string Gate { get; init; }

    /// <summary>The values the gate was evaluated with.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>What the gate said, in the order it said it.</summary>
    public required IReadOnlyList<string> Messages { get; init; }
}

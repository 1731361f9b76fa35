using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// One demo mint request: opened <paramref name="Age"/> ago under <paramref name="Policy"/>, taken through the SLA steps
/// due since, and decided halfway through its age when <paramref name="DecidedBy"/> is set.
/// </summary>
public sealed record DemoRequest(string Title, TimeSpan Age, decimal Amount, string RequestedBy, SlaPolicy Policy,
    string Department = ApprovalDemoSeed.Department, string? DecidedBy = null, ApprovalAction Decision = ApprovalAction.Approve, string? Reason = null)
{
    /// <summary>The issuing account; null for a made-up one, which no network knows, so the mint is never submitted.</summary>
    public string? Issuer { get; init; }

    /// <summary>The receiving account; null for a made-up one.</summary>
    public string? Destination { get; init; }
}

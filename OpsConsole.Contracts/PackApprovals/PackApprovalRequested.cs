namespace OpsConsole.Contracts.PackApprovals;

/// <summary>A step of a pack plan needs a person's approval before the run goes on.</summary>
public sealed record PackApprovalRequested : PackEvent
{
    /// <summary>The approval's id within the run; (tenant, runId, approvalId) names it.</summary>
    public required string ApprovalId { get; init; }

    /// <summary>Lowercase hex SHA-256 of the plan being approved (64 characters), optionally prefixed with <c>sha256:</c>.</summary>
    public required string PlanHash { get; init; }

    /// <summary>The grants the approval gives the run, e.g. <c>deploy:production</c>.</summary>
    public required IReadOnlyList<string> RequiredGrants { get; init; }

    /// <summary>The plan steps waiting on this approval.</summary>
    public required IReadOnlyList<string> StepIds { get; init; }

    /// <summary>What the people asked should read.</summary>
    public required PackMessage Message { get; init; }

    /// <summary>Where the console posts the decision (https, or http to a loopback address).</summary>
    public required string ResumeCallbackUrl { get; init; }

    /// <summary>Secret handed back with the decision; stored encrypted and sent nowhere else.</summary>
    public required string ResumeToken { get; init; }
}

namespace OpsConsole.Contracts.PackApprovals;

/// <summary>
/// A newer version of a requested approval that is still undecided: the whole approval again, with a
/// <see cref="Revision"/> above the last one the console accepted.
/// </summary>
public sealed record PackApprovalUpdated : PackEvent
{
    public required string ApprovalId { get; init; }

    /// <summary>Grows with every update of the approval; the request counts as revision 1.</summary>
    public required int Revision { get; init; }

    public required string PlanHash { get; init; }

    public required IReadOnlyList<string> RequiredGrants { get; init; }

    public required IReadOnlyList<string> StepIds { get; init; }

    public required PackMessage Message { get; init; }

    public required string ResumeCallbackUrl { get; init; }

    /// <summary>Left out to keep the token already stored.</summary>
    public string? ResumeToken { get; init; }
}

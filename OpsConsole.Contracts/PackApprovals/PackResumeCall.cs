namespace OpsConsole.Contracts.PackApprovals;

/// <summary>
/// The body the console posts to an approval's resume callback URL, signed like the Task Runner's own requests
/// (X-Ops-Key, X-Ops-Timestamp, X-Ops-Signature with the key that sent the approval). A 2xx answer ends the delivery;
/// anything else is retried with back-off. The same decision is posted with the same <see cref="DecisionHash"/>.
/// </summary>
public sealed record PackResumeCall
{
    public required string Tenant { get; init; }

    public required string RunId { get; init; }

    public required string ApprovalId { get; init; }

    public required string PlanHash { get; init; }

    public required string Decision { get; init; }

    public required string DecidedBy { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    public string? Comment { get; init; }

    public required string DecisionHash { get; init; }

    /// <summary>The token the Task Runner gave with the approval.</summary>
    public required string ResumeToken { get; init; }
}

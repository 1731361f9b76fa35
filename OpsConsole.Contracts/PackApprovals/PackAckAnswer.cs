namespace OpsConsole.Contracts.PackApprovals;

/// <summary>What became of a decision: the approval's status and where its resume call stands. The same decision sent
/// again gets the same answer (with the resume call's progress since).</summary>
public sealed record PackAckAnswer
{
    public required string RunId { get; init; }

    public required string ApprovalId { get; init; }

    /// <summary>The console request's status: <c>Approved</c> or <c>Rejected</c>.</summary>
    public required string Status { get; init; }

    public required string Decision { get; init; }

    public required string DecisionHash { get; init; }

    public required string DecidedBy { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    public required PackResumeState Resume { get; init; }
}

/// <summary>The resume call to the Task Runner.</summary>
public sealed record PackResumeState
{
    /// <summary><c>Queued</c>, <c>Delivered</c>, <c>Retrying</c> or <c>DeadLettered</c>.</summary>
    public required string Status { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>Why the last attempt failed, if it did.</summary>
    public string? LastError { get; init; }
}

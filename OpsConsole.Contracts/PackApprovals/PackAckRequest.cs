namespace OpsConsole.Contracts.PackApprovals;

/// <summary>A decision sent to <c>POST /notifications/pack-approvals/{runId}/{approvalId}/ack</c>.</summary>
public sealed record PackAckRequest
{
    /// <summary><c>approve</c> or <c>reject</c>.</summary>
    public required string Decision { get; init; }

    /// <summary>Who decided (the person behind the client), kept in the audit record.</summary>
    public required string Actor { get; init; }

    /// <summary>Why; required to reject.</summary>
    public string? Comment { get; init; }

    /// <summary><see cref="PackDecisionHash.Compute"/> of the approval and this decision; a retry sends the same value.</summary>
    public required string DecisionHash { get; init; }
}

/// <summary>The values of <see cref="PackAckRequest.Decision"/>.</summary>
public static class PackDecisions
{
    public const string Approve = "approve";
    public const string Reject = "reject";
}

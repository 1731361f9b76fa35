namespace OpsConsole.Contracts.PackApprovals;

/// <summary>The answer to an accepted event: 202 with <c>accepted</c> the first time, 200 with <c>duplicate</c> for a repeat.</summary>
public sealed record PackEventAnswer
{
    /// <summary><c>accepted</c> or <c>duplicate</c>.</summary>
    public required string Status { get; init; }

    public required string EventId { get; init; }

    public required string Type { get; init; }

    public required string RunId { get; init; }

    /// <summary>Null for a policy hold.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>The approval's revision now stored; null for a policy hold.</summary>
    public int? Revision { get; init; }

    /// <summary>The console's approval request for it (null for a policy hold).</summary>
    public Guid? RequestId { get; init; }

    /// <summary>The console page people act on.</summary>
    public string? Link { get; init; }
}

/// <summary>The values of <see cref="PackEventAnswer.Status"/>.</summary>
public static class PackEventStatuses
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";
}

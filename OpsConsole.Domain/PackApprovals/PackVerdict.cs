namespace OpsConsole.Domain.PackApprovals;

/// <summary>What an incoming event or decision does to a stored approval.</summary>
public enum PackVerdictKind
{
    /// <summary>New: store it (and open or change the request).</summary>
    Apply,
    /// <summary>The same as what is stored: answer as before, change nothing, send nothing.</summary>
    Repeat,
    /// <summary>At odds with what is stored: 409.</summary>
    Conflict,
    /// <summary>Nothing to change: 404.</summary>
    Missing,
}

public sealed record PackVerdict(PackVerdictKind Kind, string? Reason = null)
{
    public static PackVerdict Apply { get; } = new(PackVerdictKind.Apply);
    public static PackVerdict Repeat { get; } = new(PackVerdictKind.Repeat);

    public static PackVerdict Conflict(string reason) => new(PackVerdictKind.Conflict, reason);

    public static PackVerdict Missing(string reason) => new(PackVerdictKind.Missing, reason);
}

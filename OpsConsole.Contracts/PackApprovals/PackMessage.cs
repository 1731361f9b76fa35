namespace OpsConsole.Contracts.PackApprovals;

/// <summary>
/// The message people are sent: a template of the console's (<see cref="PackTemplates"/>) in a locale, filled with
/// values. A locale the console has no text for falls back to English.
/// </summary>
public sealed record PackMessage
{
    /// <summary>The template's name, e.g. <c>pack.approval.requested</c>.</summary>
    public required string Template { get; init; }

    /// <summary>A language tag such as <c>en</c> or <c>de-AT</c>; English when left out.</summary>
    public string? Locale { get; init; }

    /// <summary>Plan metadata the template shows (pack, environment, summary, …).</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
}

/// <summary>The templates the console ships.</summary>
public static class PackTemplates
{
    public const string ApprovalRequested = "pack.approval.requested";
    public const string ApprovalUpdated = "pack.approval.updated";
    public const string PolicyHold = "pack.policy.hold";
}

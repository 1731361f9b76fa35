namespace OpsConsole.Domain.Alerts;

/// <summary>
/// A silence (alert_silences): the alerts of a code, for one scope key or all of them, are not sent to anyone from its
/// start until its end, or until someone ends it early. Silenced alerts are still raised, cleared and shown.
/// </summary>
public sealed class AlertSilence
{
    public const int MaxDays = 30;

    public Guid Id { get; set; }
    public required string Code { get; set; }
    /// <summary>Null silences every scope of the code.</summary>
    public string? ScopeKey { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public required string Note { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedBy { get; set; }
    /// <summary>PostgreSQL xmin, for optimistic concurrency.</summary>
    public uint Version { get; set; }

    /// <summary>When it stops holding: its end, or when it was ended early.</summary>
    public DateTimeOffset Until => EndedAt is { } ended && ended < EndsAt ? ended : EndsAt;

    public bool IsActive(DateTimeOffset now) => StartsAt <= now && now < Until;

    public bool Covers(string code, string scopeKey, DateTimeOffset now) =>
        IsActive(now) && Code == code && (ScopeKey is null || ScopeKey == scopeKey);

    /// <summary>Why a silence cannot be set, or null when it can.</summary>
    public static string? Problem(string code, IReadOnlyCollection<string> knownCodes, TimeSpan duration, string? note)
    {
        if (!knownCodes.Contains(code))
            return $"'{code}' is not the code of a rule; codes are {string.Join(", ", knownCodes.Order(StringComparer.Ordinal))}.";
        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(MaxDays))
            return $"A silence lasts more than nothing and at most {MaxDays} days.";
        return AlertNotes.Problem(note, required: true);
    }
}

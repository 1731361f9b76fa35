namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>
/// An active handle the funding observer watches, as funding_observer_down reads it: when it last changed (created,
/// edited or reactivated), the observer's last good poll and last error for it, and whether the observer is paused.
/// </summary>
public sealed record FundingHandleFact(
    Guid Handle,
    string Label,
    string Asset,
    string Account,
    DateTimeOffset ChangedAt,
    DateTimeOffset? LastGoodPollAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    bool ObserverPaused)
{
    /// <summary>Since when the handle waits for a good poll: its last good one, or its last change when it had none since.</summary>
    public DateTimeOffset WaitingSince => LastGoodPollAt is { } polled && polled >= ChangedAt ? polled : ChangedAt;
}

using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Notifications;

namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>
/// funding_observer_down, per active handle the observer watches: no good poll of the handle within the window (since its
/// last good poll, or since it became active when it has none since), whatever errors came between, so that one failed
/// read is not reported but a handle nobody reads is. A paused observer raises nothing: pausing is an operator's
/// deliberate act, shown with the observer's state, and its alerts clear. Critical: deposits arrive unseen.
/// </summary>
public sealed class FundingObserverDown(TimeSpan window) : IAlertRule<IReadOnlyList<FundingHandleFact>>
{
    /// <summary>Three poll intervals, and never under two minutes, so one slow poll (with its retries) is not reported.</summary>
    public static TimeSpan WindowFor(TimeSpan pollInterval) =>
        TimeSpan.FromTicks(Math.Max(pollInterval.Ticks * 3, TimeSpan.FromMinutes(2).Ticks));

    public string Code => AlertCodes.FundingObserverDown;
    public AlertSeverity Severity => AlertSeverity.Critical;
    public TimeSpan? Window => window;
    public string Checks => "The funding observer must read each active handle successfully within the window (three poll intervals); "
        + "a paused observer is not down.";

    public string Recovered(string scopeKey) => $"The observer read handle {scopeKey} again, or it was paused or the handle deactivated.";

    public IReadOnlyList<AlertCondition> Evaluate(IReadOnlyList<FundingHandleFact> facts, DateTimeOffset now) =>
    [
        .. facts.Where(f => !f.ObserverPaused && now - f.WaitingSince > window).Select(f => AlertCondition.Of(this,
            new AlertScope("funding", f.Handle.ToString(), AssetId: f.Asset),
            (f.LastGoodPollAt is { } polled && polled >= f.ChangedAt
                ? $"The observer last read {f.Label} ({f.Asset}) {DurationText.Ago(polled, now)}; "
                : $"The observer has not read {f.Label} ({f.Asset}) since it became active {DurationText.Ago(f.ChangedAt, now)}; ")
                + (f.LastErrorAt is { } failedAt && failedAt >= f.WaitingSince
                    ? $"its reads fail, the last {DurationText.Ago(failedAt, now)}: {SecretRedaction.Redact(f.LastError ?? "no reason given")}"
                    : "no read of it failed since, so the observer is not polling at all (is its job paused or the scheduler stopped?)."),
            AlertWhy.Of(this, now, AlertFact.Of("handle", f.Handle.ToString()), AlertFact.Of("handle label", f.Label),
                AlertFact.Of("account", f.Account), AlertFact.Of("asset", f.Asset), AlertFact.Of("active since", f.ChangedAt),
                f.LastGoodPollAt is { } good ? AlertFact.Of("last good poll at", good) : AlertFact.Of("last good poll at", (string?)null),
                f.LastErrorAt is { } failed ? AlertFact.Of("last error at", failed) : AlertFact.Of("last error at", (string?)null),
                AlertFact.Of("last error", f.LastError is null ? null : SecretRedaction.Redact(f.LastError)), AlertFact.Of("waiting for", now - f.WaitingSince),
                AlertFact.Of("observer", "running")),
            f.Handle.ToString())),
    ];
}

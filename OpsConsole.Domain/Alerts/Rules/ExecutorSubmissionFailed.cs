using OpsConsole.Domain.Notifications;

namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>
/// executor_submission_failed, per pair: the executor's latest failure on the pair has no later fill, and arrived after the
/// last acknowledgement of such an alert on the pair. A later fill clears it, and so does an acknowledgement; a failure
/// that arrives after the acknowledgement raises it again.
/// </summary>
public sealed class ExecutorSubmissionFailed : IAlertRule<IReadOnlyList<ExecutorPairFact>>
{
    public string Code => AlertCodes.ExecutorSubmissionFailed;
    public AlertSeverity Severity => AlertSeverity.Critical;
    public TimeSpan? Window => null;
    public string Checks => "A failed trade on a pair must be followed by a later fill on that pair, or be acknowledged.";
    public bool ClearedByAcknowledgement => true;

    public string Recovered(string scopeKey) => $"A later trade on {scopeKey} was filled.";

    public IReadOnlyList<AlertCondition> Evaluate(IReadOnlyList<ExecutorPairFact> facts, DateTimeOffset now) =>
    [
        .. facts.Where(Holds).Select(f => AlertCondition.Of(this,
            new AlertScope("executor", f.Pair, Pair: f.Pair),
            $"Trade {f.LastFailure!.TradeId} on {f.Pair} failed: {SecretRedaction.Redact(f.LastFailure.Reason ?? "no reason given")}",
            AlertWhy.Of(this, now, AlertFact.Of("pair", f.Pair), AlertFact.Of("failed trade", f.LastFailure.TradeId),
                AlertFact.Of("failed at", f.LastFailure.At), AlertFact.Of("failure received at", f.LastFailure.ReceivedAt),
                AlertFact.Of("reason", SecretRedaction.Redact(f.LastFailure.Reason)), AlertFact.Of("latest fill", f.LastFill?.TradeId),
                f.LastFill is { } fill ? AlertFact.Of("filled at", fill.At) : AlertFact.Of("filled at", (string?)null)),
            f.LastFailure.TradeId)),
    ];

    static bool Holds(ExecutorPairFact f) =>
        f.LastFailure is { } failure
        && (f.LastFill is not { } fill || fill.At <= failure.At)
        && (f.AcknowledgedAt is not { } acknowledged || failure.ReceivedAt > acknowledged);
}

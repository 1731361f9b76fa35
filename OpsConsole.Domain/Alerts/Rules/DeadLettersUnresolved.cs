using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>dead_letters_unresolved, per source: a dead letter has waited unresolved longer than the window.</summary>
public sealed class DeadLettersUnresolved(TimeSpan window) : IAlertRule<IReadOnlyList<DeadLetterSourceFact>>
{
    public string Code => AlertCodes.DeadLettersUnresolved;
    public AlertSeverity Severity => AlertSeverity.Warning;
    public TimeSpan? Window => window;
    public string Checks => "No dead letter of a source may wait unresolved longer than the window.";

    public string Recovered(string scopeKey) => $"No dead letter from {scopeKey} waits unresolved any more.";

    public IReadOnlyList<AlertCondition> Evaluate(IReadOnlyList<DeadLetterSourceFact> facts, DateTimeOffset now) =>
    [
        .. facts.Where(f => f.Unresolved > 0 && now - f.OldestFailedAt > window).Select(f => AlertCondition.Of(this,
            new AlertScope("dead-letters", f.Source),
            $"{f.Unresolved} dead letter{(f.Unresolved == 1 ? "" : "s")} from {f.Source} wait{(f.Unresolved == 1 ? "s" : "")} for someone; "
                + $"the oldest ({f.OldestOperation}) failed {DurationText.Ago(f.OldestFailedAt, now)}.",
            AlertWhy.Of(this, now, AlertFact.Of("source", f.Source), AlertFact.Of("unresolved", f.Unresolved),
                AlertFact.Of("oldest failed at", f.OldestFailedAt), AlertFact.Of("oldest operation", f.OldestOperation)))),
    ];
}

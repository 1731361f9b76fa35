namespace OpsConsole.Domain.Alerts;

/// <summary>
/// A rule as the evaluator knows it, whatever facts it reads. A rule is one class: its code, severity and window, and a
/// pure function from its facts and the time to the conditions that hold (<see cref="IAlertRule{TFacts}"/>); the host
/// registers it with the reader of its facts, and a later capability (funding) adds its rules the same way.
/// </summary>
public interface IAlertRule
{
    string Code { get; }
    AlertSeverity Severity { get; }

    /// <summary>How long a condition may last before it alerts; null for a rule that alerts on an event.</summary>
    TimeSpan? Window { get; }

    /// <summary>What the rule checks, in a sentence for the "why" panel.</summary>
    string Checks { get; }

    /// <summary>Whether acknowledging one of its alerts also clears it (an event that was seen, rather than a state that lasts).</summary>
    bool ClearedByAcknowledgement => false;

    /// <summary>Why an alert of this rule for the scope cleared when its condition stopped holding.</summary>
    string Recovered(string scopeKey);
}

/// <summary>A rule over facts of one kind.</summary>
public interface IAlertRule<in TFacts> : IAlertRule
{
    /// <summary>The conditions that hold at <paramref name="now"/>, at most one per scope key.</summary>
    IReadOnlyList<AlertCondition> Evaluate(TFacts facts, DateTimeOffset now);
}

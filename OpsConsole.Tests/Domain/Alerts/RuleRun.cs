using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Alerts;

namespace OpsConsole.Tests.Domain.Alerts;

/// <summary>Evaluates one rule again and again as the evaluator does, keeping the active set, on a clock the test moves.</summary>
sealed class RuleRun<TFacts>(IAlertRule<TFacts> rule)
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    public List<ActiveAlert> Active { get; } = [];
    public List<AlertCondition> Raised { get; } = [];
    public List<AlertClear> Cleared { get; } = [];

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>One evaluation after <paramref name="after"/> has passed; returns what it changed.</summary>
    public AlertChanges Evaluate(TFacts facts, TimeSpan after)
    {
        Clock.Advance(after);
        var changes = AlertEvaluation.Decide(Active, [rule], rule.Evaluate(facts, Now));
        foreach (var raise in changes.Raise)
            Active.Add(ActiveAlert.Raise(raise, Guid.NewGuid(), Now));
        foreach (var clear in changes.Clear)
            Active.Remove(clear.Alert);
        Raised.AddRange(changes.Raise);
        Cleared.AddRange(changes.Clear);
        return changes;
    }
}

using OpsConsole.Domain.Alerts;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Alerts.Rules;

/// <summary>A registered rule with the reader of its facts: the evaluator's view of a rule, whatever facts it reads.</summary>
public interface IAlertRuleSource
{
    IAlertRule Rule { get; }

    Task<IReadOnlyList<AlertCondition>> EvaluateAsync(OpsDbContext db, DateTimeOffset now, CancellationToken ct);
}

sealed class AlertRuleSource<TFacts>(IAlertRule<TFacts> rule, IAlertFacts<TFacts> facts) : IAlertRuleSource
{
    public IAlertRule Rule => rule;

    public async Task<IReadOnlyList<AlertCondition>> EvaluateAsync(OpsDbContext db, DateTimeOffset now, CancellationToken ct) =>
        rule.Evaluate(await facts.ReadAsync(db, rule, now, ct), now);
}

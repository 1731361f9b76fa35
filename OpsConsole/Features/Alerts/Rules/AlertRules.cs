using OpsConsole.Domain.Alerts;

namespace OpsConsole.Features.Alerts.Rules;

/// <summary>
/// The rules the evaluator runs, as features registered them with <see cref="AlertsFeature.AddAlertRule{TFacts, TReader}"/>: one line per rule,
/// naming the Domain rule (built from settings) and the reader of its facts. A code registered twice stops start-up.
/// </summary>
public sealed class AlertRules
{
    readonly Dictionary<string, IAlertRuleSource> byCode = new(StringComparer.Ordinal);

    public AlertRules(IEnumerable<IAlertRuleSource> sources)
    {
        foreach (var source in sources)
        {
            if (!byCode.TryAdd(source.Rule.Code, source))
                throw new InvalidOperationException($"Alert rule '{source.Rule.Code}' is registered twice; one rule owns each code.");
        }
        All = [.. byCode.Values];
    }

    public IReadOnlyList<IAlertRuleSource> All { get; }

    public IReadOnlyCollection<string> Codes => byCode.Keys;

    public IAlertRule? Find(string code) => byCode.GetValueOrDefault(code)?.Rule;
}

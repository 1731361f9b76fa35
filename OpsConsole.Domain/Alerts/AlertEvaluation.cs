namespace OpsConsole.Domain.Alerts;

/// <summary>
/// The raise/clear decision: a condition that holds and is not active raises; an active alert whose condition no longer
/// holds clears; one that holds and is active stays as it is. So a condition that stays true raises once and clears once
/// when it stops. Only the rules that were evaluated clear anything: a rule whose facts could not be read leaves its
/// alerts alone, and so does a rule no longer registered.
/// </summary>
public static class AlertEvaluation
{
    public static AlertChanges Decide(IReadOnlyCollection<ActiveAlert> active, IReadOnlyCollection<IAlertRule> evaluated,
        IReadOnlyList<AlertCondition> conditions)
    {
        var rules = evaluated.ToDictionary(r => r.Code, StringComparer.Ordinal);
        // One condition per code and scope, the first a rule gave, and only from a rule that was evaluated.
        var holding = conditions.Where(c => rules.ContainsKey(c.Code)).DistinctBy(c => (c.Code, c.Scope.Key)).ToList();
        var isActive = active.Select(a => (a.Code, a.ScopeKey)).ToHashSet();
        var holds = holding.Select(c => (c.Code, c.Scope.Key)).ToHashSet();
        return new AlertChanges(
            [.. holding.Where(c => !isActive.Contains((c.Code, c.Scope.Key)))],
            [.. active.Where(a => rules.ContainsKey(a.Code) && !holds.Contains((a.Code, a.ScopeKey)))
                .Select(a => new AlertClear(a, rules[a.Code].Recovered(a.ScopeKey)))]);
    }
}

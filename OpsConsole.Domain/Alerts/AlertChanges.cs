namespace OpsConsole.Domain.Alerts;

/// <summary>What one evaluation changes: the conditions to raise and the alerts to clear; everything else stays as it is.</summary>
public sealed record AlertChanges(IReadOnlyList<AlertCondition> Raise, IReadOnlyList<AlertClear> Clear)
{
    public bool IsEmpty => Raise.Count == 0 && Clear.Count == 0;
}

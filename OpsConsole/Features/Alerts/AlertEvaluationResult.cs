namespace OpsConsole.Features.Alerts;

/// <summary>What one evaluation did: nothing while paused; else the raises, clears and reminders it wrote, and the rules
/// whose facts could not be read (by code, with the error), which it left as they were.</summary>
public sealed record AlertEvaluationResult(bool Paused, int Raised, int Cleared, int Reminded, IReadOnlyDictionary<string, string> FailedRules)
{
    public static AlertEvaluationResult WhilePaused { get; } = new(true, 0, 0, 0, new Dictionary<string, string>());

    public override string ToString() => Paused ? "paused" : $"{Raised} raised, {Cleared} cleared, {Reminded} reminded, {FailedRules.Count} rule(s) failed";
}

using OpsConsole.Domain.Alerts;
using OpsConsole.Features.Alerts.Rules;
using OpsConsole.Platform.Data;

namespace OpsConsole.Tests.Integration.Alerts;

/// <summary>A rule only the test registers, the way a feature adds one: it raises a Critical alert for each scope it is
/// given, so a test owns every alert of its code (the metrics are process-wide, and other test hosts share them).</summary>
sealed class ProbeRule : IAlertRule<IReadOnlyList<string>>
{
    public const string ProbeCode = "metrics_probe";

    public string Code => ProbeCode;
    public AlertSeverity Severity => AlertSeverity.Critical;
    public TimeSpan? Window => null;
    public string Checks => "Raises one alert per scope the probe holds.";

    public string Recovered(string scopeKey) => $"The probe no longer holds {scopeKey}.";

    public IReadOnlyList<AlertCondition> Evaluate(IReadOnlyList<string> facts, DateTimeOffset now) =>
        [.. facts.Select(key => AlertCondition.Of(this, new AlertScope("probe", key), $"The probe holds {key}.", AlertWhy.Of(this, now)))];
}

/// <summary>The scopes the probe raises, set by the test.</summary>
sealed class ProbeFacts : IAlertFacts<IReadOnlyList<string>>
{
    public List<string> Scopes { get; } = [];

    public Task<IReadOnlyList<string>> ReadAsync(OpsDbContext db, IAlertRule rule, DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([.. Scopes]);
}

using OpsConsole.Domain.Alerts;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Alerts.Rules;

/// <summary>Reads the facts one kind of rule needs, on the evaluator's context; the rule's window is there for readers that
/// only need what falls inside it.</summary>
public interface IAlertFacts<TFacts>
{
    Task<TFacts> ReadAsync(OpsDbContext db, IAlertRule rule, DateTimeOffset now, CancellationToken ct);
}

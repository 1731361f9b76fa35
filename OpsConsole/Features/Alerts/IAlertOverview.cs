namespace OpsConsole.Features.Alerts;

/// <summary>What the alerts look like now, for displays (the wall, the overview) that show them without reading the
/// alert tables: the active alerts, Critical first, and how recently the evaluator and each feed were heard from.</summary>
public interface IAlertOverview
{
    Task<AlertOverview> ReadAsync(CancellationToken ct = default);
}

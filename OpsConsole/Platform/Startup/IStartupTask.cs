namespace OpsConsole.Platform.Startup;

/// <summary>Work a feature needs done on every start, after migration and before any command or request.</summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken ct);
}

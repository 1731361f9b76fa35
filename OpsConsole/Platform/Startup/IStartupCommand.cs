namespace OpsConsole.Platform.Startup;

/// <summary>A one-off command given on the command line: the process runs it instead of serving and exits with its code.</summary>
public interface IStartupCommand
{
    /// <summary>True when the arguments ask for this command (its switch is among them).</summary>
    bool IsRequested(IReadOnlyList<string> args);

    /// <summary>Runs the command; the process then exits with the returned code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct);
}

using System.Diagnostics;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>The built OpsConsole.dll run as its own process with the given settings, for what only a real process shows
/// (exit code, stderr, an instance killed outright).</summary>
public static class ConsoleProcess
{
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static async Task<(int Exit, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"OpsConsole was still running after {Patience}.");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the console serving on a free port; the test ends it, and disposing kills it if it still runs.</summary>
    public static RunningConsole Start(IReadOnlyDictionary<string, string> environment)
    {
        var process = Process.Start(StartInfo(environment, []))!;
        process.StandardInput.Close();
        return new RunningConsole(process);
    }

    static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OpsConsole.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // Port 0 takes any free port: were the app to start serving, it would not exit and the wait times out.
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["DataProtection__CertificatePath"] = OpsAppFactory.CertificatePath;
        start.Environment["Demo__LiveFeeds"] = "false";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return start;
    }
}

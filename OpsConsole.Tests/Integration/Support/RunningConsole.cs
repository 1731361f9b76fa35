using System.Diagnostics;
using System.Text;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>A console process that serves until the test kills it; what it printed is kept for the test's messages.</summary>
public sealed class RunningConsole : IAsyncDisposable
{
    readonly Process process;
    readonly StringBuilder printed = new();

    public RunningConsole(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Printed
    {
        get
        {
            lock (printed)
                return printed.ToString();
        }
    }

    /// <summary>Ends the process at once, as a crash or SIGKILL would: nothing of it runs after this returns.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    void Keep(string? line)
    {
        if (line is not null)
            lock (printed)
                printed.AppendLine(line);
    }
}

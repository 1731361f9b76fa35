using System.Diagnostics;
using System.Text;

namespace OpsConsole.Tests.Integration.Notifications;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd, which prints every message it receives to its stdout.
/// Stopped (killed) on dispose.
/// </summary>
sealed class SmtpSink : IAsyncDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();
    readonly Lock gate = new();

    SmtpSink(Process process, int port) => (this.process, Port) = (process, port);

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (gate)
                return output.ToString();
        }
    }

    /// <summary>Listens on <paramref name="port"/>, or on a free port when none is given.</summary>
    public static async Task<SmtpSink> StartAsync(int? port = null)
    {
        port ??= FreePort.Next();
        // -u: unbuffered, so each message shows up as soon as it is received.
        var start = new ProcessStartInfo("/usr/bin/python3", ["-u", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        var sink = new SmtpSink(process, port.Value);
        process.OutputDataReceived += (_, e) => sink.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sink.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await FreePort.WaitUntilListeningAsync(port.Value, TimeSpan.FromSeconds(15));
        }
        catch
        {
            await sink.DisposeAsync();
            throw;
        }
        return sink;
    }

    void Append(string? line)
    {
        if (line is null)
            return;
        lock (gate)
            output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}

using System.Diagnostics;
using System.Net.Sockets;

/// <summary>The built console as its own process on a given database, as an operator runs it; stopped when disposed.</summary>
sealed class ConsoleUnderTest : IAsyncDisposable
{
    readonly Process process;

    ConsoleUnderTest(Process process, Uri baseUrl) => (this.process, BaseUrl) = (process, baseUrl);

    public Uri BaseUrl { get; }

    public static async Task<ConsoleUnderTest> StartAsync(string assembly, string connectionString, string folder)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(assembly)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(assembly);
        start.Environment["Urls"] = baseUrl.ToString().TrimEnd('/');
        start.Environment["ConnectionStrings__OpsDb"] = connectionString;
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["DataProtection__CertificatePath"] = Path.Combine(folder, "dataprotection.pfx");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The bench measures the answer, not the rate limits: they must never hold an attempt back here.
        start.Environment["RateLimits__SignIn__PerAddress"] = "100000";
        start.Environment["RateLimits__SignIn__PerAccount"] = "100000";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[console] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = baseUrl };
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(120); await Task.Delay(250))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The console exited with code {process.ExitCode} before it was ready.");
            try
            {
                if ((await http.GetAsync("readyz")).IsSuccessStatusCode)
                    return new ConsoleUnderTest(process, baseUrl);
            }
            catch (HttpRequestException) { }
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The console did not become ready within 120 s.");
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

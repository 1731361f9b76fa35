using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using OpsConsole.Tests.Integration.Support;

/// <summary>
/// The built console (OpsConsole/bin/Release) as its own process on the bench database, on 127.0.0.1 only, demo off,
/// with a wall token and a machine key of the bench's own; killed when the bench is done with it.
/// </summary>
sealed class BenchConsole(RunningConsole process, Process os, Uri baseUrl, string wallToken, string keySecret, string scrapeToken) : IAsyncDisposable
{
    public const string KeyId = "bench";

    static readonly System.Collections.Concurrent.ConcurrentBag<RunningConsole> Started = [];

    /// <summary>Ends every console the bench started (at its end, or when it is interrupted).</summary>
    public static void StopAll()
    {
        foreach (var console in Started)
        {
            try
            {
                console.KillAsync().GetAwaiter().GetResult();
            }
            catch (InvalidOperationException)
            {
                // Disposed already, when the part that started it ended.
            }
        }
    }

    public Uri BaseUrl => baseUrl;
    public string WallToken => wallToken;
    public string KeySecret => keySecret;
    public string Printed => process.Printed;

    /// <summary>The CPU the console's process has used so far.</summary>
    public TimeSpan Cpu => MachineLoad.Cpu(os);

    /// <summary>The console's runtime counters so far, read from its /metrics with the bench's scrape token.</summary>
    public async Task<ConsoleRuntime> RuntimeAsync()
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", scrapeToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return ConsoleRuntime.Parse(await response.Content.ReadAsStringAsync());
    }

    public static async Task<BenchConsole> StartAsync(string cs, string workDir, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var scrapeToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir };
        start.ArgumentList.Add(Path.Combine(Root(), "OpsConsole", "bin", "Release", "net10.0", "OpsConsole.dll"));
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__OpsDb"] = cs,
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Demo__Enabled"] = "false",
            ["Wall__Token"] = token,
            ["Metrics__ScrapeToken"] = scrapeToken,
            ["MachineClients__Keys__bench__Secret"] = secret,
            ["MachineClients__Keys__bench__Tenant"] = "bench",
            ["MachineClients__Keys__bench__Scopes"] = "MarketPrices:Ingest,TradeResults:Ingest,Alerts:Read",
            // The bench's own rate is the load (200 a second is 12,000 a minute); the per-key limit would refuse it.
            ["RateLimits__Machine__PerKey"] = "100000",
            ["DataProtection__CertificatePath"] = Path.Combine(workDir, "dataprotection.pfx"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            environment[key] = value;
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var os = Process.Start(start)!;
        var process = new RunningConsole(os);
        Started.Add(process);
        var url = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                    return new BenchConsole(process, os, url, token, secret, scrapeToken);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"The console did not become ready:{Environment.NewLine}{process.Printed}");
            await Task.Delay(250);
        }
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpsConsole.sln")))
                return dir.FullName;
        throw new InvalidOperationException("No OpsConsole.sln above the bench.");
    }
}

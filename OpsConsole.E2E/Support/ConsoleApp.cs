using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpsConsole.E2E.Support;

/// <summary>
/// The real app as a child process, started once per run the way a newcomer runs it: the built OpsConsole.dll in
/// Production with demo data on its own embedded PostgreSQL in a throw-away folder; stopped with SIGTERM.
/// </summary>
public sealed class ConsoleApp : IAsyncLifetime
{
    static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(180);
    static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);
    static readonly string TempRoot = Path.Combine(Path.GetTempPath(), "opsconsole-e2e");

    readonly string dataDir;
    readonly bool demo;
    readonly bool keepData;
    readonly AppOutput output;
    readonly IReadOnlyDictionary<string, string> extraSettings;
    Process? process;

    /// <summary>
    /// The shared app of the run: demo data, its own folder, removed when it stops. Its webhook receiver is down (nothing
    /// listens on the port) and it gives up after one attempt, so the demo notices become dead letters to remediate.
    /// </summary>
    public ConsoleApp() : this(NewDataDir(), demo: true, keepData: false, logName: "app.log", new Dictionary<string, string>
    {
        ["Notifications__Webhook__Url"] = $"http://127.0.0.1:{FreePort()}/receiver-down",
        ["Notifications__MaxAttempts"] = "1",
        ["Notifications__DispatchInterval"] = "00:00:01",
        // The demo's Manager and Operator are in treasury; Task Runner approvals go where they can decide them.
        ["PackApprovals__Department"] = "treasury",
    })
    { }

    ConsoleApp(string dataDir, bool demo, bool keepData, string logName, IReadOnlyDictionary<string, string>? settings = null)
    {
        extraSettings = settings ?? new Dictionary<string, string>();
        this.dataDir = dataDir;
        this.demo = demo;
        this.keepData = keepData;
        output = new AppOutput(Artifacts.PathFor(logName));
    }

    /// <summary>An extra app on a given folder, which it leaves in place, for tests of starting and stopping.</summary>
    public static ConsoleApp OnFolder(string dataDir, bool demo, string logName, IReadOnlyDictionary<string, string>? settings = null) =>
        new(dataDir, demo, keepData: true, logName, settings);

    public static string NewDataDir() => Path.Combine(TempRoot, $"{Environment.ProcessId}-{Guid.NewGuid():N}");

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{FreePort()}/");
    public string DataDir => dataDir;
    public string ClusterPidFile => Path.Combine(dataDir, "cluster", "postmaster.pid");
    public string OutputTail => output.Tail();
    /// <summary>True when any line the app has logged in this run contains <paramref name="text"/>.</summary>
    public bool LogContains(string text) => output.Contains(text);
    public int? ExitCode => process is { HasExited: true } p ? p.ExitCode : lastExitCode;
    int? lastExitCode;

    public async Task InitializeAsync()
    {
        var assembly = RepoPaths.AppAssembly;
        if (!File.Exists(assembly))
            throw new InvalidOperationException($"{assembly} is missing: build the solution before running the end-to-end tests.");
        PrepareDataDir();
        process = Start(assembly);
        // Safety net for an aborted run: the fixture's own disposal is the normal path.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAsync().GetAwaiter().GetResult();
        try
        {
            await WaitUntilReadyAsync(process);
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    public Task DisposeAsync() => StopAsync();

    /// <summary>Starts the app and waits for it to exit by itself, as it does when it refuses to start.</summary>
    public async Task<int> RunToExitAsync(TimeSpan limit)
    {
        PrepareDataDir();
        using var app = Start(RepoPaths.AppAssembly);
        using var cts = new CancellationTokenSource(limit);
        await app.WaitForExitAsync(cts.Token);
        return app.ExitCode;
    }

    void PrepareDataDir()
    {
        Directory.CreateDirectory(dataDir);
        // As root the cluster runs under the postgres account, which must be able to pass through these folders.
        foreach (var dir in new[] { TempRoot, dataDir })
            TryChmod(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                          UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    static void TryChmod(string dir, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
            return;
        try { File.SetUnixFileMode(dir, mode); }
        catch (UnauthorizedAccessException) { } // a shared /tmp folder another account created: its mode is theirs
    }

    Process Start(string assembly)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(assembly);
        psi.Environment["Urls"] = BaseUrl.ToString().TrimEnd('/');
        psi.Environment["Demo__Enabled"] = demo ? "true" : "false";
        psi.Environment["Embedded__DataDir"] = dataDir;
        // The key-protection certificate goes beside the cluster, never into the home folder of whoever runs the tests.
        psi.Environment["DataProtection__CertificatePath"] = Path.Combine(dataDir, "dataprotection.pfx");
        psi.Environment["ConnectionStrings__OpsDb"] = ""; // the embedded server, even where the shell names another
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in extraSettings)
            psi.Environment[key] = value;

        var started = new Process { StartInfo = psi, EnableRaisingEvents = true };
        started.OutputDataReceived += (_, e) => output.Append(e.Data);
        started.ErrorDataReceived += (_, e) => output.Append(e.Data);
        started.Start();
        started.StandardInput.Close();
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    async Task WaitUntilReadyAsync(Process app)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartLimit)
        {
            if (app.HasExited)
                throw new InvalidOperationException(
                    $"OpsConsole exited with code {app.ExitCode} before it was ready (log: {output.LogPath}):{Environment.NewLine}{output.Tail()}");
            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException(
            $"OpsConsole did not answer /readyz with 200 within {StartLimit.TotalSeconds:0} s (log: {output.LogPath}):{Environment.NewLine}{output.Tail()}");
    }

    public async Task StopAsync()
    {
        var app = Interlocked.Exchange(ref process, null);
        if (app is null)
            return;
        using (app)
        {
            if (!app.HasExited && Signals.Send(app.Id, Signals.Terminate))
            {
                using var limit = new CancellationTokenSource(StopLimit);
                try { await app.WaitForExitAsync(limit.Token); }
                catch (OperationCanceledException)
                {
                    output.Append($"[e2e] OpsConsole did not stop within {StopLimit.TotalSeconds:0} s of SIGTERM; killing it.");
                    app.Kill(entireProcessTree: true);
                    await app.WaitForExitAsync();
                }
            }
            lastExitCode = app.HasExited ? app.ExitCode : null;
        }
        output.Dispose();
        if (!keepData)
            await RemoveDataAsync();
    }

    /// <summary>Stops a server the app left behind, if any, and deletes the folder.</summary>
    public async Task RemoveDataAsync()
    {
        await StopLeftoverServerAsync();
        try { Directory.Delete(dataDir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    // The cluster runs detached from the app; after a clean stop its pid file is gone, otherwise stop it here.
    async Task StopLeftoverServerAsync()
    {
        var pidFile = Path.Combine(dataDir, "cluster", "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
            return;
        output.Append($"[e2e] PostgreSQL {pid} outlived the app; sending it SIGQUIT.");
        Signals.Send(pid, Signals.Quit);
        for (var i = 0; i < 40 && Signals.IsAlive(pid); i++)
            await Task.Delay(250);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

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
        ["Wall__Token"] = WallToken,
        ["Notifications__Webhook__Url"] = $"http://127.0.0.1:{FreePort()}/receiver-down",
        ["Notifications__MaxAttempts"] = "1",
        ["Notifications__DispatchInterval"] = "00:00:01",
        // The demo's Manager and Operator are in treasury; Task Runner approvals go where they can decide them.
        ["PackApprovals__Department"] = "treasury",
        // A payment shows on /funding within one poll and is confirmed by the next simulated block.
        ["Bitcoin__PollInterval"] = $"{FundingPoll:c}",
        ["Bitcoin__RequiredConfirmations"] = "1",
    })
    { }

    /// <summary>How often the run's shared app reads the funding handles.</summary>
    public static readonly TimeSpan FundingPoll = TimeSpan.FromSeconds(3);

    ConsoleApp(string dataDir, bool demo, bool keepData, string logName, IReadOnlyDictionary<string, string>? settings = null)
    {
        extraSettings = settings ?? new Dictionary<string, string>();
        this.dataDir = dataDir;
        this.demo = demo;
        this.keepData = keepData;
        output = new AppOutput(Artifacts.PathFor(logName));
    }

    /// <summary>The wall token of the run's apps: a TV opens the wall with /wall?token= and this.</summary>
    public const string WallToken = "e2e-wall-token-0123456789abcdef0123456789abcdef";

    /// <summary>
    /// Another instance on the same database as <paramref name="primary"/> (its embedded server, reached over TCP), with
    /// the same key-protection certificate and wall token, as instances behind a load balancer are.
    /// </summary>
    public static ConsoleApp BesideOf(ConsoleApp primary, string logName, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings__OpsDb"] = primary.DatabaseConnectionString,
            ["DataProtection__CertificatePath"] = primary.CertificatePath,
            ["Wall__Token"] = WallToken,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;
        return new ConsoleApp(NewDataDir(), demo: true, keepData: false, logName, all);
    }

    /// <summary>An extra app on a given folder, which it leaves in place, for tests of starting and stopping.</summary>
    public static ConsoleApp OnFolder(string dataDir, bool demo, string logName, IReadOnlyDictionary<string, string>? settings = null) =>
        new(dataDir, demo, keepData: true, logName, settings);

    public static string NewDataDir() => Path.Combine(TempRoot, $"{Environment.ProcessId}-{Guid.NewGuid():N}");

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{FreePort()}/");
    public string DataDir => dataDir;
    public string ClusterPidFile => Path.Combine(dataDir, "cluster", "postmaster.pid");
    string CertificatePath => Path.Combine(dataDir, "dataprotection.pfx");

    /// <summary>How another instance reaches this app's embedded server: its port from the server's pid file, its
    /// password from the file the app keeps beside the cluster.</summary>
    public string DatabaseConnectionString => new Npgsql.NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = int.Parse(File.ReadLines(ClusterPidFile).Skip(3).First().Trim(), System.Globalization.CultureInfo.InvariantCulture),
        Username = "ops",
        Password = File.ReadAllText(Path.Combine(dataDir, "superuser.secret")).Trim(),
        Database = "opsconsole",
    }.ConnectionString;
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
        // The living demo's feeds would raise and clear alerts of their own; a test that wants them asks.
        psi.Environment["Demo__LiveFeeds"] = "false";
        psi.Environment["Embedded__DataDir"] = dataDir;
        // The key-protection certificate goes beside the cluster, never into the home folder of whoever runs the tests.
        psi.Environment["DataProtection__CertificatePath"] = CertificatePath;
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

    /// <summary>Stops the app as an operator does (SIGTERM), runs <paramref name="whileDown"/>, and starts it again on the
    /// same address and settings; returns once it is ready again.</summary>
    public async Task RestartAsync(Func<Task> whileDown)
    {
        await StopProcessAsync();
        await whileDown();
        process = Start(RepoPaths.AppAssembly);
        await WaitUntilReadyAsync(process);
    }

    public async Task StopAsync()
    {
        if (!await StopProcessAsync())
            return;
        output.Dispose();
        if (!keepData)
            await RemoveDataAsync();
    }

    async Task<bool> StopProcessAsync()
    {
        var app = Interlocked.Exchange(ref process, null);
        if (app is null)
            return false;
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
        return true;
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

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Npgsql;

namespace OpsConsole.Platform.Data;

/// <summary>
/// Runs a private PostgreSQL cluster from the machine's server binaries in a data folder that survives restarts.
/// One process owns a folder at a time (an exclusive lock file); the server listens on 127.0.0.1 only, on a free port,
/// with a generated superuser password kept beside the cluster. As root the server runs under an unprivileged account,
/// because initdb and postgres refuse to run as root.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    const string SuperUser = "ops";
    readonly PostgresBinaries binaries;
    readonly string clusterDir;
    readonly string? runAs;
    readonly FileStream folderLock;
    bool stopped;

    public string DataDirectory { get; }
    public int Port { get; }
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = password,
        Database = database,
    }.ConnectionString;

    readonly string password;

    EmbeddedPostgres(PostgresBinaries binaries, string dataDir, string? runAs, FileStream folderLock, string password, int port)
    {
        this.binaries = binaries;
        DataDirectory = dataDir;
        clusterDir = Path.Combine(dataDir, "cluster");
        this.runAs = runAs;
        this.folderLock = folderLock;
        this.password = password;
        Port = port;
    }

    /// <summary>The default folder: the user's local application data, or /var/lib/opsconsole for root, whose home the server account cannot enter.</summary>
    public static string DefaultDataDirectory() => IsRoot
        ? "/var/lib/opsconsole/pgdata"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "OpsConsole", "pgdata");

    public static async Task<EmbeddedPostgres> StartAsync(string dataDir, CancellationToken ct = default)
    {
        var binaries = PostgresBinaries.Locate() ?? throw new EmbeddedPostgresException(PostgresBinaries.MissingMessage);
        dataDir = Path.GetFullPath(dataDir);
        Directory.CreateDirectory(dataDir);
        var folderLock = AcquireFolderLock(dataDir);
        try
        {
            var runAs = IsRoot ? ServerAccount() : null;
            var password = ReadOrCreatePassword(dataDir);
            var port = FreePort();
            var pg = new EmbeddedPostgres(binaries, dataDir, runAs, folderLock, password, port);
            await pg.InitializeAsync(ct);
            await pg.StartServerAsync(ct);
            return pg;
        }
        catch
        {
            await folderLock.DisposeAsync();
            throw;
        }
    }

    static bool IsRoot => Environment.UserName == "root" || geteuid() == 0;

    [DllImport("libc", SetLastError = false)]
    static extern uint geteuid();

    static FileStream AcquireFolderLock(string dataDir)
    {
        var path = Path.Combine(dataDir, "opsconsole.lock");
        try
        {
            // FileShare.None takes an exclusive advisory lock on Unix; a crashed owner releases it with its process.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new EmbeddedPostgresException(
                $"The embedded PostgreSQL data folder {dataDir} is in use by another OpsConsole process; stop that process or set Embedded:DataDir to another folder.");
        }
    }

    static string ServerAccount()
    {
        foreach (var name in new[] { "postgres", "nobody" })
            if (File.ReadLines("/etc/passwd").Any(l => l.StartsWith(name + ":", StringComparison.Ordinal)))
                return name;
        throw new EmbeddedPostgresException("Running as root, but neither a 'postgres' nor a 'nobody' account exists to run the PostgreSQL server under.");
    }

    static string ReadOrCreatePassword(string dataDir)
    {
        var path = Path.Combine(dataDir, "superuser.secret");
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return secret;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    async Task InitializeAsync(CancellationToken ct)
    {
        if (File.Exists(Path.Combine(clusterDir, "PG_VERSION")))
            return;
        if (Directory.Exists(clusterDir) && Directory.EnumerateFileSystemEntries(clusterDir).Any())
            throw new EmbeddedPostgresException($"{clusterDir} holds files but no PostgreSQL cluster; move them away or set Embedded:DataDir to another folder.");

        Directory.CreateDirectory(clusterDir);
        var pwFile = Path.Combine(DataDirectory, ".initdb-pw");
        await File.WriteAllTextAsync(pwFile, password, ct);
        try
        {
            if (runAs is not null)
            {
                await RunAsync("chown", [runAs, DataDirectory, clusterDir, pwFile], null, ct);
                await EnsureReachableAsync(ct);
            }
            var result = await RunAsync(binaries.InitDb,
                ["-D", clusterDir, "-U", SuperUser, "--pwfile", pwFile, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-instructions"],
                runAs, ct);
            if (result.ExitCode != 0)
                throw new EmbeddedPostgresException($"initdb failed for {clusterDir}: {LastLine(result.Output)}");
        }
        finally
        {
            File.Delete(pwFile);
        }
    }

    async Task EnsureReachableAsync(CancellationToken ct)
    {
        var probe = await RunAsync("test", ["-w", clusterDir], runAs, ct);
        if (probe.ExitCode != 0)
            throw new EmbeddedPostgresException(
                $"The account '{runAs}' that runs PostgreSQL cannot reach {clusterDir}; set Embedded:DataDir to a folder outside a private home directory.");
    }

    async Task StartServerAsync(CancellationToken ct)
    {
        var status = await RunAsync(binaries.PgCtl, ["status", "-D", clusterDir], runAs, ct);
        if (status.ExitCode == 0)
        {
            // We hold the folder lock, so no other OpsConsole owns this server: it was left behind by a crash.
            await RunAsync(binaries.PgCtl, ["stop", "-D", clusterDir, "-m", "fast", "-w"], runAs, ct);
        }

        var options = $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories='' -c max_connections=200";
        // setsid keeps the server out of our process group, so Ctrl+C reaches the app first and the app stops the server in order.
        var result = await RunAsync(binaries.PgCtl,
            ["start", "-D", clusterDir, "-w", "-t", "60", "-l", Path.Combine(clusterDir, "server.log"), "-o", options],
            runAs, ct, detach: true);
        if (result.ExitCode != 0)
            throw new EmbeddedPostgresException($"PostgreSQL did not start from {clusterDir}: {LastLine(result.Output)} (see {Path.Combine(clusterDir, "server.log")})");
    }

    /// <summary>Creates the database if it does not exist yet.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task StopAsync()
    {
        if (stopped)
            return;
        stopped = true;
        NpgsqlConnection.ClearAllPools();
        await RunAsync(binaries.PgCtl, ["stop", "-D", clusterDir, "-m", "fast", "-w", "-t", "60"], runAs, CancellationToken.None);
        await folderLock.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";

    sealed record ProcessResult(int ExitCode, string Output);

    static async Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> args, string? runAs, CancellationToken ct, bool detach = false)
    {
        var argv = new List<string>();
        if (detach) argv.AddRange(["setsid", "--wait"]);
        if (runAs is not null) argv.AddRange(["runuser", "-u", runAs, "--"]);
        argv.Add(file);
        argv.AddRange(args);

        var psi = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var a in argv.Skip(1)) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new EmbeddedPostgresException($"Could not start {file}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return new ProcessResult(process.ExitCode, (await stdout) + (await stderr));
    }
}

using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpsConsole.Platform.Data;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>
/// One PostgreSQL server per test run, started by the app's own launcher in a throw-away folder, with a migrated
/// template database that each test class clones (CREATE DATABASE … TEMPLATE), so no class sees another's rows.
/// </summary>
public static class TestPostgres
{
    public const string TemplateName = "ops_template";
    static readonly SemaphoreSlim CloneGate = new(1, 1);
    static readonly Lazy<Task<EmbeddedPostgres>> Server = new(StartAsync);

    public static Task<EmbeddedPostgres> GetServerAsync() => Server.Value;

    /// <summary>This run's throw-away folder (removed at the end of the run), once the server has started.</summary>
    public static string RunDirectory { get; private set; } = "";

    static async Task<EmbeddedPostgres> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "opsconsole-tests");
        RemoveAbandonedFolders(root);
        var dir = Path.Combine(root, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        var pg = await EmbeddedPostgres.StartAsync(dir);
        RunDirectory = pg.DataDirectory;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            pg.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        await pg.EnsureDatabaseAsync(TemplateName);
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, pg.ConnectionStringFor(TemplateName));
        await using (var db = new OpsDbContext(options.Options))
            await db.Database.MigrateAsync();
        NpgsqlConnection.ClearAllPools();
        return pg;
    }

    // Folders of earlier runs whose lock is free belong to a test process that is gone (killed before its exit hook
    // ran); a server it left running is given a fast shutdown, then the folder goes.
    static void RemoveAbandonedFolders(string root)
    {
        if (!Directory.Exists(root))
            return;
        foreach (var dir in Directory.GetDirectories(root))
        {
            try
            {
                using (new FileStream(Path.Combine(dir, "opsconsole.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
                var cluster = Path.Combine(dir, "cluster");
                var pidFile = Path.Combine(cluster, "postmaster.pid");
                if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var postmaster)
                    && IsPostmasterOf(postmaster, cluster))
                    StopOrphan(postmaster, pidFile);
                else
                    File.Delete(pidFile);
                if (!File.Exists(pidFile))
                    Directory.Delete(dir, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    // A pid file outlives a killed server, and its pid may since belong to anything: signal only that cluster's server.
    static bool IsPostmasterOf(int pid, string cluster)
    {
        var cmdline = $"/proc/{pid}/cmdline";
        return File.Exists(cmdline) && File.ReadAllText(cmdline).Replace('\0', ' ').Contains(cluster, StringComparison.Ordinal);
    }

    static void StopOrphan(int postmaster, string pidFile)
    {
        // SIGINT is PostgreSQL's fast shutdown; the server removes its pid file when it is done.
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            kill.WaitForExit();
        for (var i = 0; i < 100 && File.Exists(pidFile); i++)
            Thread.Sleep(100);
    }

    /// <summary>Creates a fresh database from the migrated template and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string? name = null)
    {
        var pg = await GetServerAsync();
        name ??= "t_" + Guid.NewGuid().ToString("N")[..16];
        await CloneGate.WaitAsync();
        try
        {
            await using var conn = new NpgsqlConnection(pg.ConnectionStringFor("postgres"));
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE {TemplateName}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        finally
        {
            CloneGate.Release();
        }
        // Each class's database has pools of its own in every host the class starts; idle connections are let go soon,
        // so classes that finished do not hold the server's connection slots while later ones run.
        return pg.ConnectionStringFor(name) + ";Connection Idle Lifetime=10;Connection Pruning Interval=2";
    }
}

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

    static async Task<EmbeddedPostgres> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "opsconsole-tests");
        RemoveAbandonedFolders(root);
        var dir = Path.Combine(root, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        var pg = await EmbeddedPostgres.StartAsync(dir);
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

    // Folders of earlier runs whose lock is free: their server is gone, or stops when its lock-less owner is reaped.
    static void RemoveAbandonedFolders(string root)
    {
        if (!Directory.Exists(root))
            return;
        foreach (var dir in Directory.GetDirectories(root))
        {
            try
            {
                using (new FileStream(Path.Combine(dir, "opsconsole.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
                if (!File.Exists(Path.Combine(dir, "cluster", "postmaster.pid")))
                    Directory.Delete(dir, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
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
        return pg.ConnectionStringFor(name);
    }
}

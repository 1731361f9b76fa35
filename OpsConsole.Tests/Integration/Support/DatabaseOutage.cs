using Npgsql;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>
/// The test database gone for its clients, as when PostgreSQL is down or cut off: open connections are ended and new ones
/// refused. Disposing lets them in again; the app finds its way back by itself.
/// </summary>
public sealed class DatabaseOutage : IAsyncDisposable
{
    readonly string admin;
    readonly string database;

    DatabaseOutage(string admin, string database) => (this.admin, this.database) = (admin, database);

    public static async Task<DatabaseOutage> BeginAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        var outage = new DatabaseOutage(builder.ConnectionString, database);
        await outage.ExecuteAsync($"""
            ALTER DATABASE "{database}" ALLOW_CONNECTIONS false;
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid();
            """);
        return outage;
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"""ALTER DATABASE "{database}" ALLOW_CONNECTIONS true""");

    async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

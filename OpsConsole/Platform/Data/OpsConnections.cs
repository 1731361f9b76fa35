using Npgsql;

namespace OpsConsole.Platform.Data;

/// <summary>
/// Opens a pooled connection to the console's database without an EF Core context, for the hot paths that speak SQL
/// directly (signed ingest, the replay guard, pack event intake): making a context costs more than such a request's whole
/// statement.
/// </summary>
/// <remarks>
/// These connections have a pool of their own, whose connections are not reset when they go back to it; like every
/// connection of the console they prepare the statements they see often (<see cref="DatabaseSetup.WithPreparedStatements"/>).
/// A reset is a statement and a round trip of its own, which each request would pay on top of its one statement. That is safe only
/// because what runs here leaves nothing in the session: no session settings (only SET LOCAL), no advisory locks, no
/// LISTEN, no temporary tables, and no transaction open past the call. Anything that needs more takes an EF Core context.
/// </remarks>
public sealed class OpsConnections(IConfiguration config)
{
    readonly Lazy<string> connectionString = new(() =>
        new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPreparedStatements(config.GetConnectionString(DatabaseSetup.ConnectionName)!))
        {
            NoResetOnClose = true,
        }.ConnectionString);

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString.Value);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

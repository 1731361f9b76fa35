using Npgsql;

namespace OpsConsole.Platform.Data;

/// <summary>
/// Opens a pooled connection to the console's database without an EF Core context, for the hot paths that speak SQL
/// directly (signed ingest, the replay guard, pack event intake): making a context costs more than such a request's whole
/// statement.
/// </summary>
/// <remarks>
/// These connections have a pool of their own, whose connections are not reset when they go back to it and which prepares
/// the statements it sees often: a reset (DISCARD ALL) is a statement and a transaction of its own, and it throws away
/// every prepared statement and cached plan, so each request would parse and plan its statement afresh. That is safe only
/// because what runs here leaves nothing in the session: no session settings (only SET LOCAL), no advisory locks, no
/// LISTEN, no temporary tables, and no transaction open past the call. Anything that needs more takes an EF Core context.
/// </remarks>
public sealed class OpsConnections(IConfiguration config)
{
    readonly Lazy<string> connectionString = new(() => new NpgsqlConnectionStringBuilder(config.GetConnectionString(DatabaseSetup.ConnectionName))
    {
        NoResetOnClose = true,
        MaxAutoPrepare = 16,
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

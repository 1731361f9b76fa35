using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Platform;

[Trait("Category", "Integration")]
public sealed class MigrationFailureTests
{
    [Fact]
    public async Task A_database_that_cannot_take_the_schema_fails_with_one_readable_reason_and_no_secret()
    {
        var pg = await TestPostgres.GetServerAsync();
        var name = "clash_" + Guid.NewGuid().ToString("N")[..12];
        await pg.EnsureDatabaseAsync(name);
        var connectionString = pg.ConnectionStringFor(name);
        // What an older build left behind: one of the schema's objects, without the migration history that made it.
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("CREATE SEQUENCE audit_events_id_seq", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = connectionString,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddOpsDatabase(config).BuildServiceProvider();

        var failure = await Assert.ThrowsAsync<DatabaseMigrationException>(() => services.MigrateOpsDatabaseAsync());

        Assert.Contains("audit_events_id_seq", failure.Message);
        Assert.Contains("0 of this version's", failure.Message);
        Assert.Contains("Embedded:DataDir", failure.Message);
        Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(connectionString).Password!, failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Platform;

/// <summary>
/// A database made by a build from before the baseline has the baseline's schema under the pre-release migrations'
/// history rows; start-up swaps those rows for the baseline's, or refuses clearly when only some were applied.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PreReleaseHistoryTests
{
    static readonly string[] PreReleaseIds =
    [
        "20261125023545_Foundation",
        "20261125031242_ApprovalRequestTenant",
        "20261125031640_NotificationOutboxSubjectIndex",
        "20261125031746_DeadLetterOccurrencesAndRetryClaims",
        "20261125032216_SlaPolicyOverridesAndUserPreferences",
        "20261125035542_ApprovalInboxIndexes",
        "20261125042752_SlaDeferrals",
    ];

    [Fact]
    public async Task A_database_with_every_pre_release_migration_moves_to_the_baseline_and_keeps_its_rows()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using (var db = Context(connectionString))
        {
            db.Departments.Add(new Department { Id = "treasury", Name = "Treasury" });
            await db.SaveChangesAsync();
        }
        await RewriteHistoryAsync(connectionString, PreReleaseIds);
        await using var services = Services(connectionString);

        await services.MigrateOpsDatabaseAsync();

        await using var read = Context(connectionString);
        Assert.Equal(read.Database.GetMigrations(), await read.Database.GetAppliedMigrationsAsync());
        Assert.Equal(PreReleaseHistory.BaselineId, read.Database.GetMigrations().First());
        Assert.Equal("Treasury", (await read.Departments.SingleAsync()).Name);
    }

    [Fact]
    public async Task A_database_with_only_some_pre_release_migrations_fails_with_one_readable_reason()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await RewriteHistoryAsync(connectionString, [PreReleaseIds[0]]);
        await using var services = Services(connectionString);

        var failure = await Assert.ThrowsAsync<DatabaseMigrationException>(() => services.MigrateOpsDatabaseAsync());

        Assert.Contains("1 of the 7 pre-release migrations", failure.Message);
        Assert.Contains("Embedded:DataDir", failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
        await using var read = Context(connectionString);
        Assert.Equal([PreReleaseIds[0]], await read.Database.GetAppliedMigrationsAsync());
    }

    // What an earlier build left: the baseline's schema (migrations after it undone), recorded under the migrations that made it.
    static async Task RewriteHistoryAsync(string connectionString, IEnumerable<string> ids)
    {
        await using (var db = Context(connectionString))
            await db.GetService<IMigrator>().MigrateAsync(PreReleaseHistory.BaselineId);
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using (var clear = new NpgsqlCommand("DELETE FROM \"__EFMigrationsHistory\"", conn))
            await clear.ExecuteNonQueryAsync();
        foreach (var id in ids)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO \"__EFMigrationsHistory\" (migration_id, product_version) VALUES (@id, '10.0.15')", conn);
            insert.Parameters.AddWithValue("id", id);
            await insert.ExecuteNonQueryAsync();
        }
    }

    static ServiceProvider Services(string connectionString)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = connectionString,
        }).Build();
        return new ServiceCollection().AddLogging().AddOpsDatabase(config).BuildServiceProvider();
    }

    static OpsDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        return new OpsDbContext(options.Options);
    }
}

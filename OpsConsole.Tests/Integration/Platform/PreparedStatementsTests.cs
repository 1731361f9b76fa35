using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Platform;

/// <summary>The console's connections prepare what they run often, so PostgreSQL parses and plans a repeated statement
/// once per connection.</summary>
[Trait("Category", "Integration")]
public sealed class PreparedStatementsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_statement_a_connection_repeats_is_prepared_on_it()
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, fixture.ConnectionString);
        await using var db = new OpsDbContext(options.Options);
        await db.Database.OpenConnectionAsync();

        for (var i = 0; i < 6; i++)
            await db.AuditEvents.CountAsync(e => e.Actor == "prepared-statements-test");

        var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        Assert.Contains(prepared, s => s.Contains("audit_events", StringComparison.Ordinal) && s.Contains("actor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pooled_connection_keeps_its_prepared_statements_when_it_is_reused()
    {
        // A pool of its own, so that the connection handed out again can only be the one just returned.
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { ApplicationName = "prepared-reuse" }.ConnectionString);
        int backend;
        await using (var db = new OpsDbContext(options.Options))
        {
            await db.Database.OpenConnectionAsync();
            backend = await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
            for (var i = 0; i < 6; i++)
                await db.DeadLetters.CountAsync(d => d.Operation == "prepared-statements-test");
        }

        await using var again = new OpsDbContext(options.Options);
        await again.Database.OpenConnectionAsync();
        Assert.Equal(backend, await again.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync());
        var prepared = await again.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        Assert.Contains(prepared, s => s.Contains("dead_letters", StringComparison.Ordinal));
    }

    [Fact]
    public void A_number_the_connection_string_names_is_kept()
    {
        var own = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { MaxAutoPrepare = 7 }.ConnectionString;

        Assert.Equal(7, new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPreparedStatements(own)).MaxAutoPrepare);
        Assert.Equal(DatabaseSetup.PreparedStatementsPerConnection,
            new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPreparedStatements(fixture.ConnectionString)).MaxAutoPrepare);
    }
}

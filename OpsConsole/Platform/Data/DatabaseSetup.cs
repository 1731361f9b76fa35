using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace OpsConsole.Platform.Data;

public static class DatabaseSetup
{
    public const string ConnectionName = "OpsDb";
    const string EmbeddedDatabase = "opsconsole";

    /// <summary>
    /// With ConnectionStrings:OpsDb empty, starts the embedded cluster and points the setting at it.
    /// Returns the cluster so the caller stops it after the host has stopped.
    /// </summary>
    public static async Task<EmbeddedPostgres?> StartEmbeddedIfNeededAsync(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionName)))
            return null;
        var dataDir = builder.Configuration["Embedded:DataDir"];
        var pg = await EmbeddedPostgres.StartAsync(string.IsNullOrWhiteSpace(dataDir) ? EmbeddedPostgres.DefaultDataDirectory() : dataDir);
        try
        {
            await pg.EnsureDatabaseAsync(EmbeddedDatabase);
        }
        catch
        {
            await pg.StopAsync();
            throw;
        }
        builder.Configuration[$"ConnectionStrings:{ConnectionName}"] = pg.ConnectionStringFor(EmbeddedDatabase);
        return pg;
    }

    public static IServiceCollection AddOpsDatabase(this IServiceCollection services, IConfiguration config)
    {
        services.AddDbContextFactory<OpsDbContext>(o => Configure(o, config.GetConnectionString(ConnectionName)!));
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContext());
        services.TryAddSingleton<OpsConnections>();
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithPreparedStatements(connectionString), npgsql => npgsql.MigrationsAssembly(typeof(OpsDbContext).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention();

    /// <summary>How many statements each connection keeps prepared, unless the connection string names its own number.</summary>
    public const int PreparedStatementsPerConnection = 64;

    /// <summary>
    /// The console sends the same statements over and over: a batch's claim and its set-based writes, a signed request's
    /// insert, a page's queries. Npgsql prepares the ones a connection has run a few times, so PostgreSQL parses and plans
    /// each once per connection instead of at every execution. A pooled connection keeps them across its resets.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = PreparedStatementsPerConnection;
        return builder.ConnectionString;
    }

    public static async Task MigrateOpsDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(ct);
        try
        {
            await PreReleaseHistory.ReplaceWithBaselineAsync(db, ct);
            await db.Database.MigrateAsync(ct);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            var applied = await AppliedMigrationsAsync(db);
            throw new DatabaseMigrationException(
                $"the database could not be brought to this version's schema ({ex.Message.Split('\n')[0].Trim()}); "
                + $"it has {applied} of this version's {db.Database.GetMigrations().Count()} migrations applied. If it was made by a "
                + "different build of the console, point ConnectionStrings:OpsDb or Embedded:DataDir at another database or "
                + "move the old one aside.", ex);
        }
    }

    static async Task<string> AppliedMigrationsAsync(OpsDbContext db)
    {
        try
        {
            var known = db.Database.GetMigrations().ToHashSet();
            return (await db.Database.GetAppliedMigrationsAsync()).Count(known.Contains).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return "none";
        }
    }
}

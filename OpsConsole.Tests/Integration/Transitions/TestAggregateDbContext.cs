using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;

namespace OpsConsole.Tests.Integration.Transitions;

/// <summary>The product model plus <see cref="TestAggregate"/>, whose table the tests create themselves.</summary>
public sealed class TestAggregateDbContext(DbContextOptions<TestAggregateDbContext> options) : OpsDbContext(options)
{
    public const string CreateTable =
        "CREATE TABLE IF NOT EXISTS test_aggregates (id uuid PRIMARY KEY, state text NOT NULL, touches integer NOT NULL DEFAULT 0, tags text[] NOT NULL DEFAULT ARRAY[]::text[])";

    public DbSet<TestAggregate> TestAggregates => Set<TestAggregate>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<TestAggregate>(b =>
        {
            b.ToTable("test_aggregates");
            b.Property(a => a.Version).IsRowVersion();
        });
    }
}

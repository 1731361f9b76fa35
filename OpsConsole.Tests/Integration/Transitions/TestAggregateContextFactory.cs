using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Transitions;

/// <summary>Hands the product code contexts that also know <see cref="TestAggregate"/>.</summary>
public sealed class TestAggregateContextFactory(DatabaseFixture fixture) : IDbContextFactory<OpsDbContext>
{
    /// <summary>Counts the statements every context of this factory sends.</summary>
    public StatementCounter Statements { get; } = new();

    public OpsDbContext CreateDbContext() => Create();

    public TestAggregateDbContext Create()
    {
        var options = new DbContextOptionsBuilder<TestAggregateDbContext>();
        DatabaseSetup.Configure(options, fixture.ConnectionString);
        options.AddInterceptors(Statements);
        return new TestAggregateDbContext(options.Options);
    }
}

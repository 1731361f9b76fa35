using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Transitions;

/// <summary>Hands the product code contexts that also know <see cref="TestAggregate"/>.</summary>
public sealed class TestAggregateContextFactory(DatabaseFixture fixture) : IDbContextFactory<OpsDbContext>
{
    public OpsDbContext CreateDbContext() => Create();

    public TestAggregateDbContext Create()
    {
        var options = new DbContextOptionsBuilder<TestAggregateDbContext>();
        DatabaseSetup.Configure(options, fixture.ConnectionString);
        return new TestAggregateDbContext(options.Options);
    }
}

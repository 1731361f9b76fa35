using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Jobs;

/// <summary>Hands a service contexts on the test class's own database.</summary>
sealed class FixtureContexts(DatabaseFixture fixture) : IDbContextFactory<OpsDbContext>
{
    public OpsDbContext CreateDbContext() => fixture.CreateContext();
}

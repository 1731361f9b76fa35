using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Audit;
using OpsConsole.Platform;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Audit;

/// <summary>The audit feature wired as the app wires it, against a test database and a chosen clock.</summary>
static class AuditServices
{
    public static IServiceCollection AddAuditAgainst(this IServiceCollection services, DatabaseFixture fixture, TimeProvider time)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>($"ConnectionStrings:{DatabaseSetup.ConnectionName}", fixture.ConnectionString)])
            .Build();
        services.AddSingleton(time);
        services.AddOpsCore(config);
        return services.AddAudit(config);
    }

    public static ServiceProvider Build(DatabaseFixture fixture, TimeProvider time) =>
        new ServiceCollection().AddAuditAgainst(fixture, time).BuildServiceProvider();
}

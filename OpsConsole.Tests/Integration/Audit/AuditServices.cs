using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Audit;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Audit;

/// <summary>The audit feature wired as the app wires it, against a test database and a chosen clock.</summary>
static class AuditServices
{
    /// <summary>Adds the same registrations to a bunit context's services, which build their own provider.</summary>
    public static IServiceCollection AddAuditAgainst(this IServiceCollection services, DatabaseFixture fixture, TimeProvider time)
    {
        var (core, config) = TestHost.Core(fixture.ConnectionString, time);
        core.AddAudit(config).AddRemainingLiveTopics();
        foreach (var descriptor in core)
            services.Add(descriptor);
        return services;
    }

    public static ServiceProvider Build(DatabaseFixture fixture, TimeProvider time)
    {
        var (services, config) = TestHost.Core(fixture.ConnectionString, time);
        return TestHost.Build(services.AddAudit(config));
    }
}

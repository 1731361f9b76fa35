using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Identity;
using OpsConsole.Platform;
using OpsConsole.Platform.Data;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>
/// The one way an integration harness wires the console's services: the app's own <see cref="OpsCore.AddOpsCore"/> on
/// a test database with the harness's clock and settings, and the app's authorization policies. The harness then adds
/// the features it tests with their own AddX calls, as Program.cs does, and builds with <see cref="Build"/>.
/// </summary>
public static class TestHost
{
    public static (IServiceCollection Services, IConfiguration Config) Core(
        string connectionString, TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(HeldClock.Settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        all[$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = connectionString;
        var config = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IConfiguration>(config);
        services.AddOpsCore(config);
        services.AddAuthorizationBuilder().AddOpsPolicies();
        return (services, config);
    }

    /// <summary>Gives every live topic the features left out the app's audience, a scheduler that never starts unless the
    /// harness added the real one, and builds with scope checks on.</summary>
    public static ServiceProvider Build(IServiceCollection services) =>
        services.AddRemainingLiveTopics().AddUnstartedScheduler().BuildServiceProvider(validateScopes: true);
}

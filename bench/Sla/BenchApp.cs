using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Audit;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;

/// <summary>The approvals wired as Program.cs wires them, on the bench database, with every notification channel on
/// (nothing is delivered: the dispatcher is not run here; the console processes of the lateness runs point every channel
/// at a closed local port).</summary>
static class BenchApp
{
    public static IConfiguration Settings(string cs) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = cs,
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = "2525",
        ["Notifications:Smtp:From"] = "ops@bench.local",
        ["Notifications:Slack:WebhookUrl"] = "http://127.0.0.1:9/slack",
        ["Notifications:Webhook:Url"] = "http://127.0.0.1:9/hook",
        ["Notifications:DispatchInterval"] = "1.00:00:00",
        ["Approvals:BaseUrl"] = "https://ops.bench.local",
    }).Build();

    /// <summary>The services without a scheduler: the bench calls <see cref="SlaTimers"/> itself.</summary>
    public static ServiceProvider Services(string cs)
    {
        var config = Settings(cs);
        var services = new ServiceCollection();
        Add(services, config);
        return services.BuildServiceProvider();
    }

    static void Add(IServiceCollection services, IConfiguration config)
    {
        services.AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddOpsCore(config)
            .AddNotifications(config)
            .AddApprovals(config)
            .AddPeopleDirectory();
        services.AddOptions<LiveOptions>().Configure(o => o.ConnectionString = config.GetConnectionString(DatabaseSetup.ConnectionName)!);
        // The dead-letter writer announces on this topic; in the app the dead-letter feature registers it.
        services.AddLiveTopic(LiveTopics.DeadLetters, LiveAudience.HoldersOf(OpsPolicies.ReadDeadLetters));
        if (CommandProfile.Enabled)
            services.ConfigureDbContext<OpsDbContext>(o => o.AddInterceptors(CommandProfile.Instance));
        services.AddIdentityCore<OpsUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<OpsDbContext>();
        services.AddScoped<DemoSeed>();
    }
}

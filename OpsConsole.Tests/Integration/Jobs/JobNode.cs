using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpsConsole.Features.Audit;
using OpsConsole.Features.Identity;
using OpsConsole.Features.SystemStatus;
using OpsConsole.Platform;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Jobs;
using Quartz;

namespace OpsConsole.Tests.Integration.Jobs;

/// <summary>One app instance's scheduler, wired as Program.cs wires it (AddJobs on a host), on a test database.</summary>
sealed class JobNode : IAsyncDisposable
{
    readonly IHost host;

    JobNode(IHost host, IScheduler scheduler) => (this.host, Scheduler) = (host, scheduler);

    public IScheduler Scheduler { get; }
    public IServiceProvider Services => host.Services;

    public static async Task<JobNode> StartAsync(
        string connectionString, Action<IServiceCollection, IConfiguration> addJobs, TimeProvider? time = null,
        IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:OpsDb"] = connectionString });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddOpsCore(builder.Configuration);
        builder.Services.AddAuthorizationBuilder().AddOpsPolicies();
        builder.Services.AddJobs(builder.Configuration).AddSystemFeature(builder.Configuration);
        addJobs(builder.Services, builder.Configuration);

        var host = builder.Build();
        await host.StartAsync();
        var scheduler = host.Services.GetRequiredKeyedService<IScheduler>(JobsFeature.SchedulerName);
        // An instance that runs no jobs never starts its scheduler.
        if (settings is null || !settings.TryGetValue(JobsSettings.EnabledSetting, out var enabled) || enabled != "false")
            await Support.Poll.UntilAsync(() => scheduler.GetStatus().AsTask(), s => s == SchedulerStatus.Running);
        return new JobNode(host, scheduler);
    }

    public async ValueTask DisposeAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.StopAsync(bound.Token);
        host.Dispose();
    }
}

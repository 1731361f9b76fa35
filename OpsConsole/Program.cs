using Microsoft.Extensions.Options;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Audit;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Demo;
using OpsConsole.Features.Funding;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Features.Overview;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Features.Stellar;
using OpsConsole.Features.SystemStatus;
using OpsConsole.Features.Wall;
using OpsConsole.Platform;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Startup;
using OpsConsole.Platform.Transitions;

EmbeddedPostgres? embedded = null;
try
{
    // appsettings.json sits beside the assembly, so settings and log levels do not depend on the directory it starts from.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    // Serve package and framework assets from the build output too, so a plain build runs in any environment.
    builder.WebHost.UseStaticWebAssets();
    embedded = await builder.StartEmbeddedIfNeededAsync();

    builder.Services
        .AddPlatform(builder.Configuration)
        .AddJobs(builder.Configuration)
        .AddIdentityFeature(builder.Configuration)
        .AddAudit(builder.Configuration)
        .AddMachineAuth(builder.Configuration)
        .AddLive(builder.Configuration)
        .AddNotifications(builder.Configuration)
        .AddDeadLetters(builder.Configuration)
        .AddApprovals(builder.Configuration)
        .AddStellar(builder.Configuration)
        .AddAlerts(builder.Configuration)
        .AddPackApprovals(builder.Configuration)
        .AddFunding(builder.Configuration)
        .AddWall(builder.Configuration)
        .AddOverview()
        .AddSystemFeature(builder.Configuration)
        .AddDemoFeeds(builder.Configuration);

    var app = builder.Build();
    // Settings first: a bad one stops start-up before anything touches the database.
    app.Services.GetService<IStartupValidator>()?.Validate();
    await app.Services.MigrateOpsDatabaseAsync();
    if (await StartupCommands.RunAsync(app.Services, app.Configuration, args) is { } exitCode)
        return exitCode;

    app.UsePlatform();
    app.MapPlatform();
    app.MapIdentityFeature();
    app.MapAudit();
    app.MapMachineAuth();
    app.MapLive();
    app.MapNotifications();
    app.MapDeadLetters();
    app.MapApprovals();
    app.MapAlerts();
    app.MapPackApprovals();
    app.MapFunding();
    app.MapSystemFeature();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } message)
{
    // A setting or a missing prerequisite: one line that names it, not a stack trace.
    Console.Error.WriteLine($"OpsConsole cannot start: {message}");
    return 1;
}
finally
{
    if (embedded is not null)
        await embedded.StopAsync();
}

public partial class Program;

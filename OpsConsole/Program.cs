using Microsoft.Extensions.Options;
using OpsConsole.Features.Identity;
using OpsConsole.Platform;
using OpsConsole.Platform.Data;

EmbeddedPostgres? embedded = null;
try
{
    var builder = WebApplication.CreateBuilder(args);
    embedded = await builder.StartEmbeddedIfNeededAsync();

    builder.Services
        .AddPlatform(builder.Configuration)
        .AddIdentityFeature(builder.Configuration);

    var app = builder.Build();
    await app.Services.MigrateOpsDatabaseAsync();
    if (await StartupCommands.RunAsync(app, args) is { } exitCode)
        return exitCode;

    app.UsePlatform();
    app.MapPlatform();
    app.MapIdentityFeature();
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

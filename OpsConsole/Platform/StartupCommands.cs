using Microsoft.AspNetCore.Identity;
using OpsConsole.Features.Identity;

namespace OpsConsole.Platform;

/// <summary>One-off commands given on the command line instead of serving; and the demo seed when Demo:Enabled is on.</summary>
static class StartupCommands
{
    /// <summary>Returns true when a command ran and the process should exit instead of serving.</summary>
    public static async Task<bool> RunAsync(WebApplication app, string[] args)
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await DemoSeed.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

        if (app.Configuration.GetValue<bool>("Demo:Enabled"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeed>().SeedAsync();
        }
        return false;
    }
}

using Microsoft.AspNetCore.Identity;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;

namespace OpsConsole.Platform;

/// <summary>One-off commands given on the command line instead of serving; and the demo seed when Demo:Enabled is on.</summary>
static class StartupCommands
{
    /// <summary>The exit code when a command ran and the process should exit instead of serving; otherwise null.</summary>
    public static async Task<int?> RunAsync(WebApplication app, string[] args)
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await DemoSeed.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

        if (CreateAdminCommand.IsRequested(args, out var email))
            return await CreateAdminCommand.RunAsync(app.Services, email,
                () => AdminPassword.Obtain(Environment.GetEnvironmentVariable, !Console.IsInputRedirected, AdminPassword.ReadHidden),
                Console.Out, Console.Error);

        // The only place demo users and their shared password come into being.
        if (app.Configuration.GetValue<bool>("Demo:Enabled"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeed>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<ApprovalDemoSeed>().SeedAsync();
        }
        return null;
    }
}

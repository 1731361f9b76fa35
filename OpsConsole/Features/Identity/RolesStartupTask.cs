using Microsoft.AspNetCore.Identity;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Identity;

/// <summary>Makes sure every role exists on each start, with or without demo data, so an Admin can assign any of them.</summary>
sealed class RolesStartupTask(RoleManager<IdentityRole> roles) : IStartupTask
{
    public Task RunAsync(CancellationToken ct) => DemoSeed.EnsureRolesAsync(roles);
}

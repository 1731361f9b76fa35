namespace OpsConsole.Platform.Startup;

/// <summary>
/// What runs between migration and serving, as the features registered it: every start-up task; then a command given on
/// the command line, instead of serving; else, when Demo:Enabled is on, the demo seeds.
/// </summary>
static class StartupCommands
{
    /// <summary>The exit code when a command ran and the process should exit instead of serving; otherwise null.</summary>
    public static async Task<int?> RunAsync(IServiceProvider services, IConfiguration config, IReadOnlyList<string> args,
        CancellationToken ct = default)
    {
        await using (var scope = services.CreateAsyncScope())
            foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
                await task.RunAsync(ct);

        await using (var scope = services.CreateAsyncScope())
            if (scope.ServiceProvider.GetServices<IStartupCommand>().FirstOrDefault(c => c.IsRequested(args)) is { } command)
                return await command.RunAsync(args, ct);

        // The only place demo data (users with the shared password, requests) comes into being.
        if (config.GetValue<bool>("Demo:Enabled"))
        {
            await using var scope = services.CreateAsyncScope();
            foreach (var seed in scope.ServiceProvider.GetServices<IDemoSeed>().OrderBy(s => s.Order))
                await seed.SeedAsync(ct);
        }
        return null;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Tests.Platform.Startup;

/// <summary>Start-up as features register it: tasks every time, then a command instead of serving, else demo seeds in Order.</summary>
[Trait("Category", "Domain")]
public class StartupCommandsTests
{
    sealed class Journal : List<string>;

    sealed class FirstTask(Journal journal) : IStartupTask
    {
        public Task RunAsync(CancellationToken ct) => Record(journal, "task 1");
    }

    sealed class SecondTask(Journal journal) : IStartupTask
    {
        public Task RunAsync(CancellationToken ct) => Record(journal, "task 2");
    }

    sealed class ShoutCommand(Journal journal) : IStartupCommand
    {
        public bool IsRequested(IReadOnlyList<string> args) => args.Contains("--shout");

        public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
        {
            await Record(journal, "shout");
            return 7;
        }
    }

    sealed class RequestsSeed(Journal journal) : IDemoSeed
    {
        public int Order => 200;
        public Task SeedAsync(CancellationToken ct) => Record(journal, "requests");
    }

    sealed class PeopleSeed(Journal journal) : IDemoSeed
    {
        public int Order => 100;
        public Task SeedAsync(CancellationToken ct) => Record(journal, "people");
    }

    static Task Record(Journal journal, string what)
    {
        journal.Add(what);
        return Task.CompletedTask;
    }

    static async Task<(int? Exit, Journal Journal)> StartAsync(bool demo, params string[] args)
    {
        var journal = new Journal();
        // Registered out of Order on purpose: the seeds' Order decides, not the order of registration.
        var services = new ServiceCollection().AddSingleton(journal)
            .AddStartupTask<FirstTask>().AddStartupTask<SecondTask>()
            .AddStartupCommand<ShoutCommand>()
            .AddDemoSeed<RequestsSeed>().AddDemoSeed<PeopleSeed>();
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Enabled"] = demo ? "true" : "false" }).Build();
        return (await StartupCommands.RunAsync(provider, config, args), journal);
    }

    [Fact]
    public async Task Tasks_run_in_registration_order_then_demo_seeds_by_their_order()
    {
        var (exit, journal) = await StartAsync(demo: true);

        Assert.Null(exit);
        Assert.Equal(["task 1", "task 2", "people", "requests"], journal);
    }

    [Fact]
    public async Task Without_demo_mode_no_seed_runs()
    {
        var (exit, journal) = await StartAsync(demo: false, "--urls", "http://127.0.0.1:0");

        Assert.Null(exit);
        Assert.Equal(["task 1", "task 2"], journal);
    }

    [Fact]
    public async Task A_requested_command_runs_after_the_tasks_and_its_exit_code_ends_start_up_without_seeding()
    {
        var (exit, journal) = await StartAsync(demo: true, "--shout");

        Assert.Equal(7, exit);
        Assert.Equal(["task 1", "task 2", "shout"], journal);
    }
}

using Microsoft.Extensions.Time.Testing;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.MachineAuth;

/// <summary>One running app per test class on a fresh database; more instances can join the same database.</summary>
public sealed class MachineAuthApp : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
    public string ConnectionString { get; private set; } = "";
    public MachineAuthHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        Host = NewInstance();
        Host.CreateClient().Dispose();
    }

    /// <summary>Another app instance on the same database, as behind a load balancer.</summary>
    public MachineAuthHost NewInstance() => new(ConnectionString, Time);

    /// <summary>Moves the clock on a second, so no two tests sign the same request at the same instant.</summary>
    public DateTimeOffset NextSecond()
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        return Time.GetUtcNow();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

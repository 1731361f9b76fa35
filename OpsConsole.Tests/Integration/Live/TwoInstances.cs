using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Live;

/// <summary>Two instances of the app on one database, as behind a load balancer; each with its own relay.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public OpsAppFactory A { get; private set; } = null!;
    public OpsAppFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        // One after the other: the first migrates and seeds, the second finds it done.
        A = await StartAsync(connectionString);
        B = await StartAsync(connectionString);
    }

    static async Task<OpsAppFactory> StartAsync(string connectionString)
    {
        var app = new OpsAppFactory(connectionString);
        _ = app.Server;
        // Guards the test itself: an instance that fell back to the embedded server would prove nothing about sharing.
        if (app.Services.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseSetup.ConnectionName) != connectionString)
            throw new InvalidOperationException("The app instance is not on the test database.");
        var relay = app.Services.GetRequiredService<LiveRelay>();
        await Eventually.TrueAsync(() => relay.IsListening, "the instance's relay listens");
        return app;
    }

    public async Task DisposeAsync()
    {
        if (B is not null)
            await B.DisposeAsync();
        if (A is not null)
            await A.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Live;

/// <summary>Two instances of the app on one database, as behind a load balancer; each with its own relay.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const string Collection = "Two app instances";

    // Signing in hashes a password; a theory over every role and topic signs each demo user in once per instance.
    readonly ConcurrentDictionary<(OpsAppFactory, string), Task<string>> cookies = new();

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

    /// <summary>A started hub connection of the signed-in demo user, or of nobody when <paramref name="email"/> is null.</summary>
    public async Task<HubConnection> ConnectAsync(OpsAppFactory app, string? email)
    {
        var cookie = email is null ? null : await cookies.GetOrAdd((app, email), key => key.Item1.SignInAsync(key.Item2));
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, OpsHub.Path), o =>
            {
                // Through the in-memory server; long polling is plain HTTP, so the cookie header is all it needs.
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                if (cookie is not null)
                    o.Headers["Cookie"] = cookie;
            })
            .Build();
        try
        {
            await hub.StartAsync(Timeout());
            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    /// <summary>The id of a demo user, which is what the per-user topic's subject id names.</summary>
    public async Task<string> UserIdAsync(string email)
    {
        await using var scope = A.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().FindByEmailAsync(email);
        return user?.Id ?? throw new InvalidOperationException($"No demo user {email}.");
    }

    public static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    public async Task DisposeAsync()
    {
        if (B is not null)
            await B.DisposeAsync();
        if (A is not null)
            await A.DisposeAsync();
    }
}

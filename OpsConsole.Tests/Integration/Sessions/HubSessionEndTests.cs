using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Identity.Sessions;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Sessions;

/// <summary>
/// A hub WebSocket opened before its session ended is closed by the server within a check, while another user's
/// connection stays open: the socket does not outlive the sign-in that opened it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HubSessionEndTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    OpsAppFactory app = null!;
    Uri server = null!;
    readonly List<HubConnection> hubs = [];

    public Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString, new Dictionary<string, string?> { ["Live:ConnectionCheckEvery"] = "00:00:01" });
        server = app.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var hub in hubs)
            await hub.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Ending_a_users_sessions_closes_their_open_hub_connection_and_no_other()
    {
        var manager = await ConnectAsync(await SignInAsync("manager@demo.local"));
        var operatorHub = await ConnectAsync(await SignInAsync("operator@demo.local"));
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        manager.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        // Both survive checks while their sessions last.
        var connections = app.Services.GetRequiredService<LiveConnections>();
        Assert.Equal(0, await connections.CheckAsync(CancellationToken.None));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var managerId = (await scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().FindByEmailAsync("manager@demo.local"))!.Id;
            var admin = await app.PrincipalAsync("admin@demo.local");
            Assert.Equal(1, await app.Services.GetRequiredService<UserSessions>().EndAllAsync(admin, managerId));
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HubConnectionState.Disconnected, manager.State);
        Assert.Equal(HubConnectionState.Connected, operatorHub.State);
        await operatorHub.InvokeAsync(nameof(OpsHub.Subscribe), LiveTopics.Approvals);
    }

    /// <summary>Signs in through the form on the real server and returns the Cookie header a browser would send.</summary>
    async Task<string> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server };
        using var response = await OpsAppFactory.PostSignInAsync(client, email, DemoSeed.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return cookies.GetCookieHeader(server);
    }

    async Task<HubConnection> ConnectAsync(string cookie)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, OpsHub.Path), o =>
            {
                // A browser's transport: one socket, authenticated once when it opens.
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        hubs.Add(hub);
        await hub.StartAsync();
        return hub;
    }
}

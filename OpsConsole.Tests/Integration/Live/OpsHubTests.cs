using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Live;

[Trait("Category", "Integration")]
public class OpsHubTests(TwoInstances apps) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task Change_committed_on_one_instance_reaches_hub_clients_of_another()
    {
        await using var hub = await ConnectAsync(apps.B, "viewer@demo.local");
        var onB = new LiveInbox();
        hub.On<LiveChange>(OpsHub.ChangeMethod, onB.Add);
        await hub.InvokeAsync("Subscribe", LiveTopics.Approvals, Timeout());
        var onA = new LiveInbox();
        using var _ = apps.A.Services.GetRequiredService<ILiveFeed>().Subscribe(LiveTopics.Approvals, onA.Add);
        var subject = Guid.NewGuid().ToString();

        await using (var scope = apps.A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpsDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await apps.A.Services.GetRequiredService<LiveAnnouncer>().AnnounceAsync(db,
                new LiveChange(LiveTopics.Approvals, LiveChange.Changed, subject, new Dictionary<string, string> { ["status"] = "Approved" }));
            await tx.CommitAsync();
        }

        var received = await onB.WaitForAsync(c => c.SubjectId == subject, "at the hub client of instance B");
        Assert.Equal(LiveChange.Changed, received.Kind);
        Assert.Equal("Approved", received.Data!["status"]);
        await onA.WaitForAsync(c => c.SubjectId == subject, "in instance A's own components");
    }

    [Fact]
    public async Task Hub_refuses_an_unauthenticated_negotiate()
    {
        using var client = apps.B.CreateClient();

        using var response = await client.PostAsync($"{OpsHub.Path}/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Hub_refuses_topics_the_user_may_not_see_and_unknown_topics()
    {
        await using var hub = await ConnectAsync(apps.A, "operator@demo.local");

        await hub.InvokeAsync("Subscribe", LiveTopics.Approvals, Timeout());
        var forbidden = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", LiveTopics.Audit, Timeout()));
        Assert.Contains("may not follow", forbidden.Message);
        var unknown = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", "everything", Timeout()));
        Assert.Contains("Unknown topic", unknown.Message);
    }

    static async Task<HubConnection> ConnectAsync(OpsAppFactory app, string email)
    {
        var cookie = await app.SignInAsync(email);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, OpsHub.Path), o =>
            {
                // Through the in-memory server; long polling is plain HTTP, so the cookie header is all it needs.
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        await hub.StartAsync(Timeout());
        return hub;
    }

    static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;
}

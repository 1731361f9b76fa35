using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Live;

[Trait("Category", "Integration")]
[Collection(TwoInstances.Collection)]
public class OpsHubTests(TwoInstances apps)
{
    [Fact]
    public async Task Change_committed_on_one_instance_reaches_hub_clients_of_another()
    {
        await using var hub = await apps.ConnectAsync(apps.B, "viewer@demo.local");
        var onB = new LiveInbox();
        hub.On<LiveChange>(OpsHub.ChangeMethod, onB.Add);
        await SubscribeAsync(hub, LiveTopics.Approvals);
        var onA = new LiveInbox();
        using var _ = apps.A.Services.GetRequiredService<ILiveFeed>().Subscribe(LiveUsers.Signed("a-viewer", Roles.Viewer), LiveTopics.Approvals, onA.Add);
        var subject = Guid.NewGuid().ToString();

        await AnnounceOnAAsync(new LiveChange(LiveTopics.Approvals, LiveChange.Changed, subject, new Dictionary<string, string> { ["status"] = "Approved" }));

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
    public async Task Subscribe_refuses_topics_the_user_may_not_see_and_unknown_topics_with_a_hub_exception_naming_them()
    {
        await using var hub = await apps.ConnectAsync(apps.A, "operator@demo.local");

        await SubscribeAsync(hub, LiveTopics.Approvals);
        var forbidden = await Assert.ThrowsAsync<HubException>(() => SubscribeAsync(hub, LiveTopics.Audit));
        Assert.EndsWith("HubException: You may not follow 'audit'.", forbidden.Message);
        var unknown = await Assert.ThrowsAsync<HubException>(() => SubscribeAsync(hub, "everything"));
        Assert.Contains("HubException: Unknown live topic 'everything'; known topics are ", unknown.Message);
        Assert.All(LiveTopics.All, topic => Assert.Contains(topic, unknown.Message));
    }

    [Fact]
    public async Task A_refused_subscribe_is_logged_at_information_and_nothing_at_error()
    {
        await using var hub = await apps.ConnectAsync(apps.A, "operator@demo.local");
        var operatorId = await apps.UserIdAsync("operator@demo.local");
        var before = apps.A.Logs.GetSnapshot().Count;

        await Assert.ThrowsAsync<HubException>(() => SubscribeAsync(hub, LiveTopics.Jobs));
        await Assert.ThrowsAsync<HubException>(() => SubscribeAsync(hub, "no-such-topic"));

        var logged = apps.A.Logs.GetSnapshot().Skip(before).ToList();
        Assert.Contains(logged, r => r.Level == LogLevel.Information && r.Category == typeof(LiveAudienceCheck).FullName
            && r.Message.Contains("'jobs'") && r.Message.Contains(operatorId));
        Assert.Contains(logged, r => r.Level == LogLevel.Information && r.Message.Contains("no-such-topic"));
        // SignalR's own record of each thrown refusal, kept but at Information.
        Assert.Equal(2, logged.Count(r => r.Level == LogLevel.Information && r.Category == HubAnswersLogLevel.DispatcherCategory
            && r.Exception is HubException));
        Assert.DoesNotContain(logged, r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Notifications_reach_only_the_user_they_are_about()
    {
        var viewerId = await apps.UserIdAsync("viewer@demo.local");
        var operatorId = await apps.UserIdAsync("operator@demo.local");
        await using var viewer = await apps.ConnectAsync(apps.B, "viewer@demo.local");
        await using var @operator = await apps.ConnectAsync(apps.B, "operator@demo.local");
        var toViewer = new LiveInbox();
        var toOperator = new LiveInbox();
        viewer.On<LiveChange>(OpsHub.ChangeMethod, toViewer.Add);
        @operator.On<LiveChange>(OpsHub.ChangeMethod, toOperator.Add);
        await SubscribeAsync(viewer, LiveTopics.Notifications);
        await SubscribeAsync(@operator, LiveTopics.Notifications);

        // In this order: PostgreSQL and the relay keep it, so once the later change arrives the earlier one had its chance.
        await AnnounceOnAAsync(new LiveChange(LiveTopics.Notifications, LiveChange.Created, operatorId));
        await AnnounceOnAAsync(new LiveChange(LiveTopics.Notifications, LiveChange.Created, viewerId));

        await toViewer.WaitForAsync(c => c.SubjectId == viewerId, "about the viewer, to the viewer");
        await toOperator.WaitForAsync(c => c.SubjectId == operatorId, "about the operator, to the operator");
        Assert.DoesNotContain(toViewer.All, c => c.SubjectId == operatorId);
        Assert.DoesNotContain(toOperator.All, c => c.SubjectId == viewerId);
    }

    static Task SubscribeAsync(HubConnection hub, string topic) =>
        hub.InvokeAsync("Subscribe", topic, TwoInstances.Timeout());

    async Task AnnounceOnAAsync(LiveChange change)
    {
        await using var scope = apps.A.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpsDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        await apps.A.Services.GetRequiredService<LiveAnnouncer>().AnnounceAsync(db, change);
        await tx.CommitAsync();
    }
}

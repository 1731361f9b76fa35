using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Outbox;
using OpsConsole.Tests.Components;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Notifications;

/// <summary>The bell rendered by bunit over the real inbox, outbox and dispatcher on a database.</summary>
[Trait("Category", "Integration")]
public class NotificationBellTests(DatabaseFixture fixture) : ShellContext, IClassFixture<DatabaseFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    // The open menu renders into the popover provider beside the bell, not into the bell.
    IRenderedComponent<IComponent> popovers = null!;

    async Task<(OutboxHarness Harness, IRenderedComponent<NotificationBell> Bell)> OpenAsync(string userId, int delivered)
    {
        var harness = new OutboxHarness(fixture, new Dictionary<string, string?>());
        for (var i = 1; i <= delivered; i++)
            await harness.EnqueueCommittedAsync(OutboxHarness.Message(OutboxChannel.InApp, userId, $"{userId}-{i}"));
        // Someone else's notification never counts.
        await harness.EnqueueCommittedAsync(OutboxHarness.Message(OutboxChannel.InApp, "someone-else", $"{userId}-other"));
        await harness.Dispatcher.DispatchDueAsync();
        Services.AddSingleton(harness.Services.GetRequiredService<INotificationInbox>());
        Services.AddSingleton<ILiveFeed>(harness.Feed);
        SignIn("manager@ops.test", "Max Manager", [Roles.Manager], new Claim(ClaimTypes.NameIdentifier, userId));
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));
        popovers = Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<NotificationBell>(1);
            b.AddComponentParameter(2, nameof(NotificationBell.User), user);
            b.CloseComponent();
        });
        var bell = popovers.FindComponent<NotificationBell>();
        return (harness, bell);
    }

    static string Label(IRenderedComponent<NotificationBell> bell) => bell.Find("button[aria-label^='Notifications']").GetAttribute("aria-label")!;

    [Fact]
    public async Task Bell_shows_the_unread_count_of_the_signed_in_user()
    {
        var (harness, bell) = await OpenAsync("user-bell-1", delivered: 2);
        await using var _ = harness;

        bell.WaitForAssertion(() => Assert.Equal("Notifications, 2 unread", Label(bell)), Patience);
        Assert.Contains("2", bell.Find(".mud-badge").TextContent);
    }

    [Fact]
    public async Task A_live_announcement_refreshes_the_count()
    {
        var (harness, bell) = await OpenAsync("user-bell-2", delivered: 1);
        await using var _ = harness;
        bell.WaitForAssertion(() => Assert.Equal("Notifications, 1 unread", Label(bell)), Patience);

        await harness.EnqueueCommittedAsync(OutboxHarness.Message(OutboxChannel.InApp, "user-bell-2", "user-bell-2-late"));
        await harness.Dispatcher.DispatchDueAsync();
        // What the relay does on NOTIFY; it is not running in this test.
        await harness.Feed.PublishAsync(new LiveChange(LiveTopics.Notifications, LiveChange.Created, "user-bell-2"));

        bell.WaitForAssertion(() => Assert.Equal("Notifications, 2 unread", Label(bell)), Patience);
    }

    [Fact]
    public async Task The_bell_reloads_on_its_own_users_changes_and_never_receives_another_users()
    {
        var (harness, bell) = await OpenAsync("user-bell-4", delivered: 1);
        await using var _ = harness;
        bell.WaitForAssertion(() => Assert.Equal("Notifications, 1 unread", Label(bell)), Patience);
        await harness.EnqueueCommittedAsync(OutboxHarness.Message(OutboxChannel.InApp, "user-bell-4", "user-bell-4-late"));
        await harness.Dispatcher.DispatchDueAsync();

        // The feed awaits the handlers it calls, so had this reached the bell, the bell would already show 2.
        await harness.Feed.PublishAsync(new LiveChange(LiveTopics.Notifications, LiveChange.Created, "someone-else"));
        Assert.Equal("Notifications, 1 unread", Label(bell));

        await harness.Feed.PublishAsync(new LiveChange(LiveTopics.Notifications, LiveChange.Created, "user-bell-4"));
        bell.WaitForAssertion(() => Assert.Equal("Notifications, 2 unread", Label(bell)), Patience);
    }

    [Fact]
    public async Task Mark_all_read_clears_the_count()
    {
        var (harness, bell) = await OpenAsync("user-bell-3", delivered: 3);
        await using var _ = harness;
        bell.WaitForAssertion(() => Assert.Equal("Notifications, 3 unread", Label(bell)), Patience);

        var inbox = harness.Services.GetRequiredService<INotificationInbox>();
        var latest = await inbox.LatestAsync("user-bell-3", 10);
        Assert.Equal(3, latest.Count);
        Assert.All(latest, n => Assert.StartsWith("https://ops.example/approvals/user-bell-3-", n.Link));
        await bell.InvokeAsync(() => bell.Find("button[aria-label^='Notifications']").Click());
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Contains("Mark all read")), Patience);
        Assert.Equal(3, popovers.FindAll("a[href^='/notifications/']").Count);
        await popovers.InvokeAsync(() => popovers.FindAll(".mud-list-item").First(i => i.TextContent.Contains("Mark all read")).Click());

        bell.WaitForAssertion(() => Assert.Equal("Notifications, 0 unread", Label(bell)), Patience);
        Assert.Equal(0, await inbox.UnreadCountAsync("user-bell-3"));
    }
}

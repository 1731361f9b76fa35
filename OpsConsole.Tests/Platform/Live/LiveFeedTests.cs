using OpsConsole.Features.Identity;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Live;

namespace OpsConsole.Tests.Platform.Live;

/// <summary>The feed components follow: the same audience check as the hub, and per-user topics cut to the user.</summary>
[Trait("Category", "Domain")]
public class LiveFeedTests : IDisposable
{
    readonly LiveServices live = new();

    [Fact]
    public async Task A_per_user_follower_receives_its_own_changes_and_resyncs_and_never_another_users()
    {
        var mine = new LiveInbox();
        using var subscription = live.Feed.Subscribe(LiveUsers.Signed("viewer-id", Roles.Viewer), LiveTopics.Notifications, mine.Add);
        Assert.True(await subscription.Following);

        await live.Feed.PublishAsync(new LiveChange(LiveTopics.Notifications, LiveChange.Created, "someone-else"));
        await live.Feed.PublishAsync(new LiveChange(LiveTopics.Notifications, LiveChange.Created, "viewer-id"));
        await live.Feed.PublishAsync(new LiveChange(LiveTopics.Notifications, LiveChange.Resync));

        Assert.Equal(new string?[] { "viewer-id", null }, mine.All.Select(c => c.SubjectId));
    }

    [Fact]
    public async Task A_user_outside_the_audience_is_never_called_and_nothing_is_thrown()
    {
        var inbox = new LiveInbox();
        using var subscription = live.Feed.Subscribe(LiveUsers.Signed("op-id", Roles.Operator), LiveTopics.DeadLetters, inbox.Add);

        Assert.False(await subscription.Following);
        await live.Feed.PublishAsync(new LiveChange(LiveTopics.DeadLetters, LiveChange.Created, "dl-1"));
        Assert.Empty(inbox.All);
    }

    [Fact]
    public async Task Holders_of_the_policy_receive_every_change_until_they_dispose()
    {
        var inbox = new LiveInbox();
        var subscription = live.Feed.Subscribe(LiveUsers.Signed("rem-id", Roles.Remediator), LiveTopics.DeadLetters, inbox.Add);
        Assert.True(await subscription.Following);

        await live.Feed.PublishAsync(new LiveChange(LiveTopics.DeadLetters, LiveChange.Created, "dl-1"));
        subscription.Dispose();
        await live.Feed.PublishAsync(new LiveChange(LiveTopics.DeadLetters, LiveChange.Created, "dl-2"));

        Assert.Equal(new string?[] { "dl-1" }, inbox.All.Select(c => c.SubjectId));
    }

    [Fact]
    public void An_unknown_topic_is_a_programming_error()
    {
        var thrown = Assert.Throws<ArgumentException>(() => live.Feed.Subscribe(LiveUsers.Signed("a", Roles.Admin), "everything", _ => Task.CompletedTask));

        Assert.Contains("Unknown live topic 'everything'", thrown.Message);
    }

    public void Dispose() => live.Dispose();
}

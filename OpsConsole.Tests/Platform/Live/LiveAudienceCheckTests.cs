using System.Security.Claims;
using Microsoft.Extensions.Logging;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Live;

namespace OpsConsole.Tests.Platform.Live;

[Trait("Category", "Domain")]
public class LiveAudienceCheckTests : IDisposable
{
    readonly LiveServices live = new();

    [Theory]
    [InlineData(Roles.Viewer, LiveTopics.Jobs, true)]
    [InlineData(Roles.Operator, LiveTopics.Jobs, false)]
    [InlineData(Roles.Remediator, LiveTopics.Approvals, false)]
    [InlineData(Roles.Remediator, LiveTopics.DeadLetters, true)]
    [InlineData(Roles.Operator, LiveTopics.Alerts, true)]
    [InlineData(Roles.Operator, LiveTopics.Audit, false)]
    public async Task Holders_of_the_topics_policy_may_follow_it_and_no_one_else(string role, string topic, bool allowed)
    {
        var follow = await live.Check.CheckAsync(LiveUsers.Signed("u-1", role), topic);

        Assert.Equal(allowed, follow.IsGranted);
        Assert.Null(follow.UserId);
    }

    [Fact]
    public async Task A_per_user_topic_is_granted_to_each_signed_in_user_for_their_own_id()
    {
        var follow = await live.Check.CheckAsync(LiveUsers.Signed("u-7", Roles.Viewer), LiveTopics.Notifications);

        Assert.Equal(LiveFollow.Granted(LiveTopics.Notifications, "u-7"), follow);
        Assert.True(follow.Delivers(new LiveChange(LiveTopics.Notifications, LiveChange.Created, "u-7")));
        Assert.False(follow.Delivers(new LiveChange(LiveTopics.Notifications, LiveChange.Created, "u-8")));
        Assert.True(follow.Delivers(new LiveChange(LiveTopics.Notifications, LiveChange.Resync)));
    }

    [Fact]
    public async Task Anonymous_callers_and_users_without_an_id_are_refused()
    {
        Assert.False((await live.Check.CheckAsync(LiveUsers.Anonymous, LiveTopics.Notifications)).IsGranted);
        Assert.False((await live.Check.CheckAsync(LiveUsers.Anonymous, LiveTopics.Alerts)).IsGranted);
        var noId = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Viewer)], "test"));
        var refused = await live.Check.CheckAsync(noId, LiveTopics.Notifications);
        Assert.False(refused.IsGranted);
        Assert.Contains("no user id", refused.Refusal);
    }

    [Fact]
    public async Task An_unknown_topic_is_refused_naming_the_known_ones()
    {
        var follow = await live.Check.CheckAsync(LiveUsers.Signed("u-1", Roles.Admin), "everything");

        Assert.False(follow.IsGranted);
        Assert.Equal("Unknown live topic 'everything'; known topics are alerts, approvals, audit, dead-letters, funding, jobs, notifications, sessions.",
            follow.Refusal);
    }

    [Fact]
    public async Task A_refusal_is_logged_at_information_naming_topic_and_user()
    {
        await live.Check.CheckAsync(LiveUsers.Signed("u-9", Roles.Operator), LiveTopics.Audit);

        var record = Assert.Single(live.Logs.GetSnapshot(), r => r.Category == typeof(LiveAudienceCheck).FullName);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Contains("audit", record.Message);
        Assert.Contains("u-9", record.Message);
    }

    public void Dispose() => live.Dispose();
}

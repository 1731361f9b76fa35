using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Platform.Live;

[Trait("Category", "Domain")]
public class LiveTopicRegistryTests
{
    static readonly LiveAudience Readers = LiveAudience.HoldersOf(OpsPolicies.ReadAudit);

    [Fact]
    public void A_topic_registered_twice_stops_start_up_naming_it()
    {
        var services = new ServiceCollection().AddLiveTopic(LiveTopics.Audit, Readers);

        var twice = Assert.Throws<InvalidOperationException>(() => services.AddLiveTopic(LiveTopics.Audit, LiveAudience.SubjectUser));

        Assert.Contains("'audit'", twice.Message);
        Assert.Contains("more than once", twice.Message);
    }

    [Fact]
    public void A_registration_of_a_name_that_is_no_live_topic_stops_start_up_naming_it()
    {
        var unknown = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddLiveTopic("audits", Readers));

        Assert.Contains("'audits'", unknown.Message);
        Assert.Throws<InvalidOperationException>(() => new LiveTopicRegistry([new LiveTopic("audits", Readers)]));
        Assert.Throws<InvalidOperationException>(() => new LiveTopicRegistry([new LiveTopic(LiveTopics.Jobs, Readers), new LiveTopic(LiveTopics.Jobs, Readers)]));
    }

    [Fact]
    public void The_app_registers_every_topic_once_with_its_features_audience()
    {
        var topics = AppLiveTopics.All.ToDictionary(t => t.Name, t => t.Audience);

        Assert.Equal(LiveTopics.All.Order(), topics.Keys.Order());
        Assert.True(topics[LiveTopics.Notifications].IsPerUser);
        Assert.True(topics[LiveTopics.Sessions].IsPerUser);
        // The wall's topics admit a wall display beside the roles that read them.
        Assert.Equal(OpsPolicies.FollowApprovals, topics[LiveTopics.Approvals].Policy);
        Assert.Equal(OpsPolicies.FollowDeadLetters, topics[LiveTopics.DeadLetters].Policy);
        Assert.Equal(OpsPolicies.ReadAudit, topics[LiveTopics.Audit].Policy);
        Assert.Equal(OpsPolicies.ReadSystem, topics[LiveTopics.Jobs].Policy);
        Assert.Equal(OpsPolicies.FollowAlerts, topics[LiveTopics.Alerts].Policy);
        Assert.Equal(OpsPolicies.FollowFunding, topics[LiveTopics.Funding].Policy);
    }

    [Fact]
    public void A_topic_no_feature_registered_here_is_neither_announced_nor_read()
    {
        var onlyApprovals = new LiveTopicRegistry([new LiveTopic(LiveTopics.Approvals, Readers)]);
        var all = new LiveTopicRegistry(AppLiveTopics.All);
        var payload = new LiveChange(LiveTopics.Audit, LiveChange.Created, "e-1").ToPayload(all);

        var refused = Assert.Throws<ArgumentException>(() => new LiveChange(LiveTopics.Audit, LiveChange.Created).ToPayload(onlyApprovals));

        Assert.Equal("Unknown live topic 'audit'; known topics are approvals.", refused.Message);
        Assert.Null(LiveChange.FromPayload(payload, onlyApprovals));
        Assert.NotNull(LiveChange.FromPayload(payload, all));
    }
}

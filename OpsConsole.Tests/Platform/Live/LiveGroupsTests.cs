using OpsConsole.Features.Identity;
using OpsConsole.Platform.Live;

namespace OpsConsole.Tests.Platform.Live;

[Trait("Category", "Domain")]
public class LiveGroupsTests
{
    static readonly LiveAudience Readers = LiveAudience.HoldersOf(OpsPolicies.ReadApprovals);

    [Fact]
    public void A_per_user_change_goes_only_to_the_group_of_the_user_it_is_about()
    {
        Assert.Equal("topic:notifications:user:u-1",
            LiveGroups.For(new LiveChange(LiveTopics.Notifications, LiveChange.Created, "u-1"), LiveAudience.SubjectUser));
        Assert.Null(LiveGroups.For(new LiveChange(LiveTopics.Notifications, LiveChange.Created), LiveAudience.SubjectUser));
    }

    [Fact]
    public void A_resync_and_any_change_of_a_policy_topic_go_to_every_follower()
    {
        Assert.Equal("topic:notifications", LiveGroups.For(new LiveChange(LiveTopics.Notifications, LiveChange.Resync), LiveAudience.SubjectUser));
        Assert.Equal("topic:approvals", LiveGroups.For(new LiveChange(LiveTopics.Approvals, LiveChange.Changed, "r-1"), Readers));
    }
}

using OpsConsole.Domain.Notifications;

namespace OpsConsole.Tests.Domain.Notifications;

[Trait("Category", "Domain")]
public class NotificationEventsTests
{
    [Fact]
    public void Event_keys_are_the_contract_names_with_their_classes()
    {
        Assert.Equal(
            [("approval.requested", NotificationClass.Action), ("approval.reminder", NotificationClass.Action),
             ("approval.escalated", NotificationClass.Action), ("approval.escalated_final", NotificationClass.Critical),
             ("approval.expired", NotificationClass.Critical), ("approval.decided", NotificationClass.Info),
             ("mint.failed", NotificationClass.Critical), ("mint.unknown", NotificationClass.Critical)],
            NotificationEvents.All.Select(k => (k, NotificationEvents.ClassOf(k))));
    }

    [Fact]
    public void An_unknown_event_key_has_no_class()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NotificationEvents.ClassOf("approval.nope"));
    }
}

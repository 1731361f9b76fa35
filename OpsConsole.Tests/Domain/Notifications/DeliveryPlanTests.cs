using OpsConsole.Domain.Calendars;
using OpsConsole.Domain.Notifications;

namespace OpsConsole.Tests.Domain.Notifications;

[Trait("Category", "Domain")]
public class DeliveryPlanTests
{
    static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(7, 0), "UTC");
    static readonly DateTimeOffset Midnight = new(2026, 6, 10, 23, 30, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Morning = new(2026, 6, 11, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(NotificationChannel.Email, NotificationClass.Action)]
    [InlineData(NotificationChannel.Email, NotificationClass.Info)]
    [InlineData(NotificationChannel.Slack, NotificationClass.Action)]
    [InlineData(NotificationChannel.Slack, NotificationClass.Info)]
    public void Email_and_slack_wait_for_the_end_of_quiet_hours(NotificationChannel channel, NotificationClass eventClass)
    {
        Assert.Equal(new DeliveryPlan(Morning, true), DeliveryPlan.For(eventClass, channel, Night, Midnight));
    }

    [Theory]
    [InlineData(NotificationChannel.Email)]
    [InlineData(NotificationChannel.Slack)]
    public void Critical_events_pierce_quiet_hours(NotificationChannel channel)
    {
        Assert.Equal(new DeliveryPlan(Midnight, false), DeliveryPlan.For(NotificationClass.Critical, channel, Night, Midnight));
        Assert.Equal(NotificationClass.Critical, NotificationEvents.ClassOf(NotificationEvents.ApprovalEscalatedFinal));
        Assert.Equal(NotificationClass.Critical, NotificationEvents.ClassOf(NotificationEvents.ApprovalExpired));
    }

    [Theory]
    [InlineData(NotificationChannel.InApp)]
    [InlineData(NotificationChannel.Webhook)]
    public void In_app_and_webhook_are_never_held(NotificationChannel channel)
    {
        foreach (var eventClass in Enum.GetValues<NotificationClass>())
            Assert.Equal(new DeliveryPlan(Midnight, false), DeliveryPlan.For(eventClass, channel, Night, Midnight));
    }

    [Fact]
    public void Without_quiet_hours_or_outside_them_everything_goes_now()
    {
        Assert.Equal(new DeliveryPlan(Midnight, false), DeliveryPlan.For(NotificationClass.Action, NotificationChannel.Email, null, Midnight));
        var noon = Midnight.AddHours(12.5);
        Assert.Equal(new DeliveryPlan(noon, false), DeliveryPlan.For(NotificationClass.Action, NotificationChannel.Email, Night, noon));
    }
}

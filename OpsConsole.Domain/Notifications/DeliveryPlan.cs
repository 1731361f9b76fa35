using OpsConsole.Domain.Calendars;

namespace OpsConsole.Domain.Notifications;

/// <summary>When to deliver one notification on one channel: now, or held until the recipient's quiet hours end.</summary>
public sealed record DeliveryPlan(DateTimeOffset SendAt, bool Held)
{
    public static DeliveryPlan For(NotificationClass eventClass, NotificationChannel channel, QuietHours? quietHours, DateTimeOffset now)
    {
        // The bell waits silently and a webhook receiver decides for itself, so only email and Slack are held.
        var holdable = channel is NotificationChannel.Email or NotificationChannel.Slack;
        if (!holdable || eventClass == NotificationClass.Critical || quietHours is null || !quietHours.IsQuiet(now))
            return new DeliveryPlan(now, false);
        return new DeliveryPlan(quietHours.QuietUntil(now), true);
    }
}

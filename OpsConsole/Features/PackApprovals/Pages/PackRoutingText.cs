using OpsConsole.Domain.Notifications;
using OpsConsole.Domain.PackApprovals;

namespace OpsConsole.Features.PackApprovals.Pages;

/// <summary>How the routing page names events, channels and languages.</summary>
public static class PackRoutingText
{
    public static string Kind(string kind) => kind switch
    {
        PackRouteKinds.Approval => "Approval requested",
        PackRouteKinds.PolicyHold => "Policy hold",
        _ => kind,
    };

    public static string Channel(NotificationChannel channel) => channel switch
    {
        NotificationChannel.InApp => "In-app",
        _ => channel.ToString(),
    };

    public static string Locale(string locale) => locale switch
    {
        "en" => "English (en)",
        "de" => "German (de)",
        _ => locale,
    };

    /// <summary>Names a rule for a screen reader's button labels: the event, tenant and order tell rules apart.</summary>
    public static string Rule(PackRoutingRule rule) =>
        $"the {Kind(rule.EventKind).ToLowerInvariant()} rule for {rule.Tenant ?? "every tenant"} at order {rule.Order}";
}

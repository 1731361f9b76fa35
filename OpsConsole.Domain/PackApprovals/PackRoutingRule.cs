using OpsConsole.Domain.Notifications;

namespace OpsConsole.Domain.PackApprovals;

/// <summary>
/// A row of <c>pack_routing_rules</c>: who hears of a kind of Task Runner event, on which channels and in which language,
/// for events of a tenant (or any) whose required grants include the rule's. <see cref="PackRouting"/> decides which
/// rules match an event.
/// </summary>
public sealed class PackRoutingRule
{
    public Guid Id { get; set; }
    /// <summary>One of <see cref="PackRouteKinds"/>.</summary>
    public required string EventKind { get; set; }
    /// <summary>Null matches every tenant.</summary>
    public string? Tenant { get; set; }
    public List<string> RequiredGrants { get; set; } = [];
    /// <summary>Holders of these roles are notified, only those in <see cref="Departments"/> when it names any.</summary>
    public List<string> Roles { get; set; } = [];
    /// <summary>With no roles, every active member of these departments is notified.</summary>
    public List<string> Departments { get; set; } = [];
    public List<NotificationChannel> Channels { get; set; } = [];
    public string Locale { get; set; } = PackTemplateCatalog.Fallback;
    /// <summary>Lower first; where two rules reach the same person on the same channel, the lower one's notice is sent.</summary>
    public int Order { get; set; }
    public bool Enabled { get; set; } = true;
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>PostgreSQL's xmin: a change made from an older read is refused rather than silently overwriting.</summary>
    public uint Version { get; set; }

    public PackRoutingInput ToInput() => new(EventKind, Tenant, RequiredGrants, Roles, Departments, Channels, Locale, Order, Enabled);

    /// <summary>Takes the fields of a checked, normalized input (<see cref="PackRouting.Normalize"/>).</summary>
    public void Set(PackRoutingInput input)
    {
        EventKind = input.EventKind!;
        Tenant = input.Tenant;
        RequiredGrants = [.. input.RequiredGrants];
        Roles = [.. input.Roles];
        Departments = [.. input.Departments];
        Channels = [.. input.Channels];
        Locale = input.Locale!;
        Order = input.Order;
        Enabled = input.Enabled;
    }
}

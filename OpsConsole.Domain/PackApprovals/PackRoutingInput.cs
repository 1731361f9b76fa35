using OpsConsole.Domain.Notifications;

namespace OpsConsole.Domain.PackApprovals;

/// <summary>A routing rule as an Admin writes it; <see cref="PackRouting.Validate"/> says what is wrong with it.</summary>
/// <param name="Tenant">Empty matches every tenant.</param>
/// <param name="RequiredGrants">The rule matches an event whose required grants include all of these; empty matches any.</param>
public sealed record PackRoutingInput(
    string? EventKind,
    string? Tenant,
    IReadOnlyList<string> RequiredGrants,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Departments,
    IReadOnlyList<NotificationChannel> Channels,
    string? Locale,
    int Order,
    bool Enabled);

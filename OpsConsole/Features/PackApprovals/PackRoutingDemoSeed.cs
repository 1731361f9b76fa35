using OpsConsole.Domain.Notifications;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// Demo mode only: routing rules that show each choice once. Production deploys reach the treasury's managers in-app and
/// by email; every approval of the demo tenant reaches the viewers in German; a policy hold reaches the treasury's
/// operators and managers; and a rule for another tenant waits switched off. Stored through the same path an Admin's
/// rules take, each with its audit event; runs once: never over existing rules.
/// </summary>
public sealed class PackRoutingDemoSeed(PackRoutingRules rules) : IDemoSeed
{
    static readonly string Actor = AuditEntry.System("demo-seed");

    static IReadOnlyList<PackRoutingInput> Seeds { get; } =
    [
        new(PackRouteKinds.Approval, null, ["deploy:production"], [Roles.Manager], ["treasury"],
            [NotificationChannel.InApp, NotificationChannel.Email], "en", 10, true),
        new(PackRouteKinds.Approval, "demo", [], [Roles.Viewer], [], [NotificationChannel.InApp], "de", 20, true),
        new(PackRouteKinds.PolicyHold, null, [], [Roles.Operator, Roles.Manager], ["treasury"],
            [NotificationChannel.InApp, NotificationChannel.Email], "en", 10, true),
        new(PackRouteKinds.Approval, "acme", ["payments:write"], [Roles.TopManagement], [],
            [NotificationChannel.Email, NotificationChannel.Slack], "de", 30, false),
    ];

    // After the demo people and departments (Identity seeds at 100), which the rules name.
    int IDemoSeed.Order => 150;

    Task IDemoSeed.SeedAsync(CancellationToken ct) => SeedAsync(ct);

    /// <summary>Stores the demo rules unless any rule exists; returns how many were stored.</summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        if ((await rules.ListAsync(ct)).Count > 0)
            return 0;
        foreach (var seed in Seeds)
            if (await rules.AddAsync(Actor, seed, ct) is { Count: > 0 } errors)
                throw new InvalidOperationException($"Seeding a pack routing rule failed: {string.Join(" ", errors.Select(e => e.Message))}");
        return Seeds.Count;
    }
}

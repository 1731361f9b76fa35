using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Notifications;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Platform.Audit;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.AuditPerChange;

/// <summary>Each change of a routing rule leaves one event naming what changed; a change to the same values, one made
/// from an outdated read, and a rule with a problem leave none and store nothing.</summary>
[Trait("Category", "Integration")]
public sealed class PackRoutingChangesAuditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Admin = "admin@demo.local";
    readonly AlertsApp app = new(fixture);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    static PackRoutingInput Rule(string locale = "en", bool enabled = true) => new(PackRouteKinds.Approval, "audit-tenant", ["deploy:production"],
        ["Manager"], ["treasury"], [NotificationChannel.InApp], locale, 40, enabled);

    async Task<PackRoutingRule> StoredAsync()
    {
        await using var db = fixture.CreateContext();
        return await db.PackRoutingRules.AsNoTracking().SingleAsync(r => r.Tenant == "audit-tenant");
    }

    [Fact]
    public async Task Adding_editing_switching_and_deleting_a_rule_leave_one_event_each_and_needless_stale_or_bad_changes_none()
    {
        var rules = app.Host.Services.GetRequiredService<PackRoutingRules>();
        var admin = await app.Host.PrincipalAsync(Admin);

        Assert.Contains(await rules.AddAsync(admin, Rule() with { Roles = [], Departments = [] }), e => e.Field == PackRouting.RolesField);
        Assert.Empty(await rules.AddAsync(admin, Rule()));
        var added = await StoredAsync();
        Assert.Empty(await rules.SaveAsync(admin, added.Id, Rule(), added.Version));
        Assert.Empty(await rules.SaveAsync(admin, added.Id, Rule(locale: "de"), added.Version));
        Assert.Contains("after you opened it", Assert.Single(await rules.SaveAsync(admin, added.Id, Rule(locale: "en"), added.Version)).Message);
        var edited = await StoredAsync();
        Assert.Empty(await rules.SetEnabledAsync(admin, added.Id, false, edited.Version));
        var disabled = await StoredAsync();
        Assert.Empty(await rules.SetEnabledAsync(admin, added.Id, false, disabled.Version));
        Assert.Empty(await rules.DeleteAsync(admin, added.Id, disabled.Version));

        Assert.Equal([PackAuditActions.RouteAdded, PackAuditActions.RouteChanged, PackAuditActions.RouteDisabled, PackAuditActions.RouteDeleted],
            await AuditCounts.ActionsAsync(fixture.ConnectionString, PackAuditActions.RouteSubjectType, added.Id.ToString()));
        await using var db = fixture.CreateContext();
        var changed = await db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.SubjectId == added.Id.ToString() && e.Action == PackAuditActions.RouteChanged);
        Assert.Equal(Admin, changed.Actor);
        var locale = Assert.Single(changed.Details!["changes"]!.AsObject());
        Assert.Equal(("locale", "en", "de"), (locale.Key, locale.Value!["before"]!.GetValue<string>(), locale.Value["after"]!.GetValue<string>()));
        Assert.False(await db.PackRoutingRules.AnyAsync(r => r.Tenant == "audit-tenant"));
    }

    [Fact]
    public async Task The_demo_rules_leave_one_event_each_and_seeding_again_none()
    {
        var seed = app.Host.Services.GetRequiredService<PackRoutingDemoSeed>();
        await using var db = fixture.CreateContext();
        var seeded = await db.PackRoutingRules.AsNoTracking().Select(r => r.Id.ToString()).ToListAsync();
        var actor = AuditEntry.System("demo-seed");

        Assert.NotEmpty(seeded);
        Assert.Equal(0, await seed.SeedAsync());
        foreach (var id in seeded)
            Assert.Equal([PackAuditActions.RouteAdded], await AuditCounts.ActionsAsync(fixture.ConnectionString, PackAuditActions.RouteSubjectType, id));
        Assert.Equal(seeded.Count, await db.AuditEvents.CountAsync(e => e.Action == PackAuditActions.RouteAdded && e.Actor == actor));
    }
}

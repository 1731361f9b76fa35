using OpsConsole.Domain.Notifications;
using OpsConsole.Domain.PackApprovals;

namespace OpsConsole.Tests.Domain.PackApprovals;

[Trait("Category", "Domain")]
public class PackRoutingTests
{
    static readonly string[] KnownRoles = ["Operator", "Manager", "Viewer"];
    static readonly string[] KnownDepartments = ["treasury", "operations"];

    static PackRoutingRule Rule(string kind = PackRouteKinds.Approval, string? tenant = null, string[]? grants = null, int order = 10,
        bool enabled = true) => new()
        {
            Id = Guid.NewGuid(),
            EventKind = kind,
            Tenant = tenant,
            RequiredGrants = [.. grants ?? []],
            Roles = ["Manager"],
            Channels = [NotificationChannel.InApp],
            Order = order,
            Enabled = enabled,
            UpdatedBy = "admin@ops.test",
        };

    static PackRoutingInput Input(string? kind = PackRouteKinds.Approval, string? tenant = null, string[]? grants = null,
        string[]? roles = null, string[]? departments = null, NotificationChannel[]? channels = null, string? locale = "en", int order = 10) =>
        new(kind, tenant, grants ?? [], roles ?? ["Manager"], departments ?? [], channels ?? [NotificationChannel.Email], locale, order, true);

    static string[] Grants(params string[] grants) => grants;

    [Fact]
    public void A_rule_matches_its_kind_only()
    {
        Assert.True(PackRouting.Matches(Rule(), PackRouteKinds.Approval, "demo", Grants("deploy:production")));
        Assert.False(PackRouting.Matches(Rule(), PackRouteKinds.PolicyHold, "demo", []));
        Assert.True(PackRouting.Matches(Rule(PackRouteKinds.PolicyHold), PackRouteKinds.PolicyHold, "demo", []));
    }

    [Fact]
    public void A_rule_without_a_tenant_matches_every_tenant_and_one_with_a_tenant_only_its_own()
    {
        Assert.True(PackRouting.Matches(Rule(tenant: null), PackRouteKinds.Approval, "acme", []));
        Assert.True(PackRouting.Matches(Rule(tenant: "demo"), PackRouteKinds.Approval, "demo", []));
        Assert.False(PackRouting.Matches(Rule(tenant: "demo"), PackRouteKinds.Approval, "acme", []));
    }

    [Fact]
    public void A_rule_matches_when_the_events_grants_contain_all_of_its_own()
    {
        var rule = Rule(grants: ["deploy:production", "db:migrate"]);
        Assert.True(PackRouting.Matches(rule, PackRouteKinds.Approval, "demo", Grants("db:migrate", "deploy:production", "cache:flush")));
        Assert.False(PackRouting.Matches(rule, PackRouteKinds.Approval, "demo", Grants("deploy:production")));
        Assert.False(PackRouting.Matches(rule, PackRouteKinds.Approval, "demo", []));
        Assert.True(PackRouting.Matches(Rule(grants: []), PackRouteKinds.Approval, "demo", []));
    }

    [Fact]
    public void Grants_and_tenants_are_compared_exactly()
    {
        Assert.False(PackRouting.Matches(Rule(grants: ["Deploy:Production"]), PackRouteKinds.Approval, "demo", Grants("deploy:production")));
        Assert.False(PackRouting.Matches(Rule(tenant: "Demo"), PackRouteKinds.Approval, "demo", []));
    }

    [Fact]
    public void A_disabled_rule_matches_nothing()
    {
        Assert.False(PackRouting.Matches(Rule(enabled: false), PackRouteKinds.Approval, "demo", []));
    }

    [Fact]
    public void Every_matching_rule_applies_lowest_order_first()
    {
        var late = Rule(order: 30);
        var early = Rule(order: 5, tenant: "demo");
        var otherTenant = Rule(order: 1, tenant: "acme");
        var off = Rule(order: 2, enabled: false);
        var hold = Rule(PackRouteKinds.PolicyHold, order: 0);

        var matched = PackRouting.Matching([late, otherTenant, early, off, hold], PackRouteKinds.Approval, "demo", []);

        Assert.Equal([early.Id, late.Id], matched.Select(r => r.Id));
    }

    [Fact]
    public void A_well_formed_rule_has_no_problems()
    {
        Assert.Empty(PackRouting.Validate(PackRouting.Normalize(Input(tenant: "demo", grants: ["deploy:production"], departments: ["treasury"])),
            KnownRoles, KnownDepartments));
        Assert.Empty(PackRouting.Validate(Input(roles: [], departments: ["operations"], locale: "de"), KnownRoles, KnownDepartments));
    }

    [Fact]
    public void Each_problem_names_its_field()
    {
        var bad = Input(kind: "pack.nope", tenant: "no spaces", grants: ["not a grant!"], roles: ["Pilot"], departments: ["nowhere"],
            channels: [], locale: "fr", order: -1);

        var errors = PackRouting.Validate(bad, KnownRoles, KnownDepartments);

        Assert.Equal(
            [PackRouting.EventKindField, PackRouting.TenantField, PackRouting.GrantsField, PackRouting.RolesField, PackRouting.DepartmentsField,
             PackRouting.ChannelsField, PackRouting.LocaleField, PackRouting.OrderField],
            errors.Select(e => e.Field));
        Assert.Contains(errors, e => e.Message == "Event must be one of pack.approval, pack.policy.hold.");
        Assert.Contains(errors, e => e.Message.StartsWith("Tenant 'no spaces' is not a tenant id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("Required grant 'not a grant!' is not a grant", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message == "Role 'Pilot' does not exist; the roles are Operator, Manager, Viewer.");
        Assert.Contains(errors, e => e.Message == "Department 'nowhere' does not exist; the departments are treasury, operations.");
        Assert.Contains(errors, e => e.Message == "Channels: choose at least one channel.");
        Assert.Contains(errors, e => e.Message == "Locale must be one of en, de.");
        Assert.Contains(errors, e => e.Message == "Order must be a whole number from 0 to 9999.");
    }

    [Fact]
    public void A_rule_must_name_someone_to_notify()
    {
        var error = Assert.Single(PackRouting.Validate(Input(roles: [], departments: []), KnownRoles, KnownDepartments));
        Assert.Equal((PackRouting.RolesField, "Roles or departments: choose at least one role or one department to notify."), (error.Field, error.Message));
    }

    [Fact]
    public void A_hold_rule_may_not_require_grants_since_a_hold_carries_none()
    {
        var error = Assert.Single(PackRouting.Validate(Input(PackRouteKinds.PolicyHold, grants: ["deploy:production"]), KnownRoles, KnownDepartments));
        Assert.Equal(PackRouting.GrantsField, error.Field);
    }

    [Fact]
    public void Normalizing_trims_drops_repeats_reads_an_empty_tenant_as_any_and_orders_the_channels()
    {
        var normalized = PackRouting.Normalize(new PackRoutingInput(" pack.approval ", "  ", [" a:b ", "a:b", ""], ["Manager", "Manager"], [],
            [NotificationChannel.Webhook, NotificationChannel.InApp, NotificationChannel.Webhook], " DE ", 3, true));

        Assert.Equal(PackRouteKinds.Approval, normalized.EventKind);
        Assert.Null(normalized.Tenant);
        Assert.Equal(["a:b"], normalized.RequiredGrants);
        Assert.Equal(["Manager"], normalized.Roles);
        Assert.Equal([NotificationChannel.InApp, NotificationChannel.Webhook], normalized.Channels);
        Assert.Equal("de", normalized.Locale);
    }

    [Fact]
    public void A_typed_list_splits_on_commas_semicolons_and_spaces()
    {
        Assert.Equal(["deploy:production", "db:migrate", "cache:flush"], PackRouting.SplitList("deploy:production, db:migrate;cache:flush  deploy:production"));
        Assert.Empty(PackRouting.SplitList(null));
        Assert.Empty(PackRouting.SplitList(" , "));
    }
}

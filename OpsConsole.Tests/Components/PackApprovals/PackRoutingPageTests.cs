using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Notifications;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Features.Identity;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Features.PackApprovals.Pages;
using static OpsConsole.Tests.Components.DialogFields;

namespace OpsConsole.Tests.Components.PackApprovals;

/// <summary>The pack routing page over the real service and this context's database: bad input is named under its
/// field and stores nothing; a good rule is listed and can be switched off.</summary>
[Trait("Category", "Component")]
public class PackRoutingPageTests : DatabaseShellContext
{
    const string Admin = "admin@ops.test";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public PackRoutingPageTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));
        Services.AddSingleton<PackRoutingRules>();
        SignIn(Admin, "Ada Admin", Roles.Admin);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Context();
        db.Departments.Add(new Department { Id = "treasury", Name = "Treasury" });
        await db.SaveChangesAsync();
    }

    IRenderedComponent<IComponent> Open()
    {
        var page = RenderInShell<PackRoutingPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=pack-routing-rules]")), Patience);
        return page;
    }

    [Fact]
    public async Task Bad_input_is_named_under_each_field_and_nothing_is_stored()
    {
        var page = Open();
        Button(page, "New rule").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".mud-dialog")), Patience);

        Input(page, "Tenant").Change("not a tenant!");
        Input(page, "Required grants").Change("deploy:production, no*good!");
        page.WaitForAssertion(() => Assert.Equal("not a tenant!", Input(page, "Tenant").GetAttribute("value")), Patience);
        Button(page, "Save", ".mud-dialog").Click();

        page.WaitForAssertion(() => Assert.Equal(
            [
                "Tenant 'not a tenant!' is not a tenant id (1 to 128 letters, digits or . _ : - (starting with a letter or digit)); leave it empty to match every tenant.",
                "Required grant 'no*good!' is not a grant: 1 to 128 characters of letters, digits or . _ : * / - (starting with a letter or digit).",
                "Roles or departments: choose at least one role or one department to notify.",
            ], Errors(page)), Patience);
        Assert.NotNull(page.Find(".mud-dialog"));
        await using var db = Context();
        Assert.False(await db.PackRoutingRules.AnyAsync());
        Assert.False(await db.AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task A_stored_rule_is_listed_and_switching_it_off_is_kept()
    {
        var rules = Services.GetRequiredService<PackRoutingRules>();
        var admin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Email, Admin), new(System.Security.Claims.ClaimTypes.Role, Roles.Admin)], "test"));
        Assert.Empty(await rules.AddAsync(admin, new(PackRouteKinds.PolicyHold, "demo", [], [Roles.Manager], ["treasury"],
            [NotificationChannel.InApp, NotificationChannel.Email], "de", 5, true)));

        var page = Open();
        page.WaitForAssertion(() => Assert.Contains("Roles: Manager in Treasury", page.Find("[data-testid=pack-routing-rules]").TextContent), Patience);
        var table = page.Find("[data-testid=pack-routing-rules]").TextContent;
        Assert.Contains("Policy hold", table);
        Assert.Contains("In-app, Email", table);
        Assert.Contains("German (de)", table);
        Assert.Contains($"{Admin}, 2026-11-02 09:00", table);

        page.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Disable the policy hold rule for demo at order 5").Click();

        page.WaitForAssertion(() => Assert.Contains("Disabled the rule.", page.Markup), Patience);
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("button"), b => b.GetAttribute("aria-label") == "Enable the policy hold rule for demo at order 5"), Patience);
        await using var db = Context();
        Assert.False((await db.PackRoutingRules.AsNoTracking().SingleAsync()).Enabled);
    }
}

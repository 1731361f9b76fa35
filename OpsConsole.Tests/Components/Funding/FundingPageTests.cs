using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Funding;
using OpsConsole.Features.Funding.Pages;
using OpsConsole.Features.Identity;
using static OpsConsole.Tests.Components.DialogFields;

namespace OpsConsole.Tests.Components.Funding;

/// <summary>The funding page over the real service and this context's database: it says plainly that nothing is spendable
/// until credited; an Admin's bad address is named under its field and stores nothing; a handle is listed and can be
/// deactivated; a Viewer reads the handles without the buttons that change them.</summary>
[Trait("Category", "Component")]
public class FundingPageTests : DatabaseShellContext
{
    const string Admin = "admin@ops.test";
    const string Address = "bcrt1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqc8gma6";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public FundingPageTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));
        Services.AddOptions<BitcoinSettings>();
        Services.AddSingleton<FundingHandles>();
        Services.AddAuthorizationBuilder().AddPolicy(FundingFeature.Admins, FundingFeature.AdminsPolicy);
    }

    IRenderedComponent<IComponent> Open()
    {
        var page = RenderInShell<FundingPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=funding-handles]")), Patience);
        return page;
    }

    async Task AddAsync(string label)
    {
        var admin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Email, Admin), new(System.Security.Claims.ClaimTypes.Role, Roles.Admin)], "test"));
        Assert.True((await Services.GetRequiredService<FundingHandles>().AddAsync(admin,
            new(FundingAssets.Bitcoin, FundingAssets.Btc, "treasury-btc", Address, label))).Succeeded);
    }

    [Fact]
    public async Task A_bad_address_is_named_under_its_field_and_nothing_is_stored()
    {
        SignIn(Admin, "Ada Admin", Roles.Admin);
        var page = Open();
        Assert.Contains("Not spendable until credited.", page.Find("[data-testid=not-spendable]").TextContent);
        Button(page, "New handle").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".mud-dialog")), Patience);

        Input(page, "Account").Change("treasury-btc");
        Input(page, "Deposit address").Change("bc1qeqf7j6sua7t8dpr6cuuryuqvcgfrau6j287mcm");
        Input(page, "Label").Change("Cold intake");
        page.WaitForAssertion(() => Assert.Equal("Cold intake", Input(page, "Label").GetAttribute("value")), Patience);
        Button(page, "Save", ".mud-dialog").Click();

        page.WaitForAssertion(() => Assert.Equal(
            ["depositAddress is not a valid Bitcoin regtest address: This is a mainnet address (its prefix is bc); the console is on regtest."],
            Errors(page)), Patience);
        Assert.NotNull(page.Find(".mud-dialog"));
        await using var db = Context();
        Assert.False(await db.FundingHandles.AnyAsync());
        Assert.False(await db.AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task A_stored_handle_is_listed_and_deactivating_it_is_kept()
    {
        SignIn(Admin, "Ada Admin", Roles.Admin);
        await AddAsync("Cold intake");

        var page = Open();
        page.WaitForAssertion(() => Assert.Contains(Address, page.Find("[data-testid=funding-handles]").TextContent), Patience);
        Assert.Contains($"{Admin}, 2026-11-02 09:00", page.Find("[data-testid=funding-handles]").TextContent);
        page.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Deactivate Cold intake").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.FindAll(".mud-dialog button").FirstOrDefault(b => b.TextContent.Trim() == "Deactivate")), Patience);
        Button(page, "Deactivate", ".mud-dialog").Click();

        page.WaitForAssertion(() => Assert.Contains("Deactivated the handle.", page.Markup), Patience);
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("button"), b => b.GetAttribute("aria-label") == "Reactivate Cold intake"), Patience);
        await using var db = Context();
        Assert.False((await db.FundingHandles.AsNoTracking().SingleAsync()).Active);
    }

    [Fact]
    public async Task A_viewer_reads_the_handles_without_the_buttons_that_change_them()
    {
        SignIn("viewer@ops.test", "Vic Viewer", Roles.Viewer);
        await AddAsync("Viewer sees this");

        var page = Open();

        page.WaitForAssertion(() => Assert.Contains("Viewer sees this", page.Find("[data-testid=funding-handles]").TextContent), Patience);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "New handle" or "Edit" or "Deactivate");
    }
}

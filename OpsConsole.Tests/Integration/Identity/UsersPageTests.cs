using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Identity.Pages;
using OpsConsole.Features.Identity.Sessions;
using OpsConsole.Tests.Components;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Identity;

/// <summary>The Users page rendered by bunit over the real directory and database.</summary>
[Trait("Category", "Integration")]
public class UsersPageTests(DatabaseFixture fixture) : ShellContext, IClassFixture<DatabaseFixture>
{
    // Each step waits on PostgreSQL; on a busy machine that can take longer than bunit's one-second default.
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    async Task<(IdentityHarness Harness, IRenderedComponent<IComponent> Page)> OpenAsync(string admin, string? operatorEmail = null)
    {
        var harness = await IdentityHarness.StartAsync(fixture.ConnectionString);
        var ada = await harness.AddUserAsync(admin, Roles.Admin);
        if (operatorEmail is not null)
            await harness.AddUserAsync(operatorEmail, Roles.Operator);
        Services.AddSingleton(harness.Directory);
        Services.AddSingleton(harness.Services.GetRequiredService<UserSessions>());
        SignIn(admin, "Ada Admin", [Roles.Admin], new Claim(ClaimTypes.NameIdentifier, ada.Id));
        var page = RenderInShell<Users>();
        return (harness, page);
    }

    static string Row(IRenderedComponent<IComponent> page, string email) =>
        page.FindAll("tr").Single(r => r.TextContent.Contains(email)).TextContent;

    [Fact]
    public async Task Disabling_asks_first_then_shows_the_user_as_disabled()
    {
        var (harness, page) = await OpenAsync("ada-page1@ops.test", "olivia-page1@ops.test");
        await using var _ = harness;

        page.WaitForAssertion(() => Assert.Contains("Active", Row(page, "olivia-page1@ops.test")), Patience);
        page.Find("button[aria-label='Disable olivia-page1@ops.test']").Click();
        page.WaitForAssertion(() => Assert.Contains("Disable olivia-page1@ops.test?", page.Markup), Patience);
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Disable").Click();

        page.WaitForAssertion(() => Assert.Contains("Disabled", Row(page, "olivia-page1@ops.test")), Patience);
        page.WaitForAssertion(() => Assert.Contains("Disabled olivia-page1@ops.test.", page.Markup), Patience);
    }

    [Fact]
    public async Task New_user_dialog_shows_each_problem_beside_its_field()
    {
        var (harness, page) = await OpenAsync("ada-page2@ops.test");
        await using var _ = harness;

        page.WaitForAssertion(() => Assert.Contains("ada-page2@ops.test", page.Markup), Patience);
        page.FindAll("button").Single(b => b.TextContent.Trim() == "New user").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-dialog input")), Patience);
        page.Find(".mud-dialog input[type=email]").Change("new-page2@ops.test");
        page.Find(".mud-dialog input[type=password]").Change("short");
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Create").Click();

        page.WaitForAssertion(() =>
        {
            var errors = page.FindAll(".mud-dialog .mud-input-error").Select(e => e.TextContent.Trim()).ToList();
            Assert.Contains("Display name is required.", errors);
            Assert.Contains(errors, e => e.StartsWith("Passwords must be at least 10 characters."));
            Assert.Contains(errors, e => e.StartsWith("Choose at least one role"));
        }, Patience);
        Assert.DoesNotContain("new-page2@ops.test", page.FindAll("tr").Select(r => r.TextContent));
    }

    [Fact]
    public async Task Creating_a_user_adds_its_row_and_says_so()
    {
        var (harness, page) = await OpenAsync("ada-page3@ops.test");
        await using var _ = harness;

        page.WaitForAssertion(() => Assert.Contains("ada-page3@ops.test", page.Markup), Patience);
        page.FindAll("button").Single(b => b.TextContent.Trim() == "New user").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-dialog input")), Patience);
        page.Find(".mud-dialog input[type=email]").Change("nina-page3@ops.test");
        page.FindAll(".mud-dialog input").Single(i => i.GetAttribute("type") == "text" && Label(page, i) == "Display name").Change("Nina Newcomer");
        page.Find(".mud-dialog input[type=password]").Change("Strong-pass-42");
        page.FindAll(".mud-dialog .mud-select .mud-input-slot")[0].MouseDown();
        page.WaitForAssertion(() => page.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "Viewer").Click(), Patience);
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Create").Click();

        page.WaitForAssertion(() => Assert.Contains("Created nina-page3@ops.test.", page.Markup), Patience);
        page.WaitForAssertion(() => Assert.Contains("Viewer", Row(page, "nina-page3@ops.test")), Patience);
        Assert.Contains("Nina Newcomer", Row(page, "nina-page3@ops.test"));
    }

    static string Label(IRenderedComponent<IComponent> page, AngleSharp.Dom.IElement input) =>
        page.FindAll($"label[for='{input.Id}']").FirstOrDefault()?.TextContent.Trim() ?? "";

    [Fact]
    public async Task An_admin_sees_a_users_open_sessions_and_ends_them_all()
    {
        var (harness, page) = await OpenAsync("ada-page4@ops.test", "olivia-page4@ops.test");
        await using var _ = harness;
        var olivia = (await harness.PrincipalAsync("olivia-page4@ops.test")).FindFirst(ClaimTypes.NameIdentifier)!.Value;
        var ledger = harness.Services.GetRequiredService<SessionLedger>();
        foreach (var agent in new[] { "Firefox on the desk", "Chromium on the laptop" })
            await ledger.StartAsync(Guid.NewGuid(), new SessionStart(olivia, "olivia-page4@ops.test", "10.0.0.7", agent), [0]);

        page.WaitForAssertion(() => Assert.Contains("Active", Row(page, "olivia-page4@ops.test")), Patience);
        page.Find("button[aria-label$='open sessions of olivia-page4@ops.test']").Click();
        page.WaitForAssertion(() => Assert.Contains("Chromium on the laptop", page.Find(".mud-dialog").TextContent), Patience);
        Assert.Equal(2, page.FindAll(".mud-dialog button").Count(b => b.TextContent.Trim() == "End"));
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "End all sessions").Click();

        page.WaitForAssertion(() => Assert.Contains("Ended 2 sessions of olivia-page4@ops.test.", page.Markup), Patience);
        page.WaitForAssertion(() => Assert.Contains("No open sessions.", page.Find(".mud-dialog").TextContent), Patience);
    }
}

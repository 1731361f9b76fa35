using Microsoft.Playwright;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

/// <summary>An Admin reaches every page from the navigation, and each one renders with its data and no error banner.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class AdminTourTests(ConsoleApp app, Chromium chromium)
{
    [Theory]
    [InlineData("Overview", "Overview", "Requests by SLA stage")]
    [InlineData("Audit", "Audit trail", "session.started")]
    [InlineData("System", "System", "MachineSignaturePurge")]
    [InlineData("Users", "Users", "operator@demo.local")]
    [InlineData("Dead letters", "Dead letters", "notification.deliver.webhook")]
    [InlineData("Approvals", "Approvals", "Mint 2,500 EURE for the Lisbon desk")]
    [InlineData("Alerts", "Alerts", "Evaluator running")]
    [InlineData("Alert wall", "Alert wall", "Approvals pending")]
    [InlineData("SLA policies", "SLA policies", "From the settings")]
    [InlineData("Pack routing", "Pack routing", "deploy:production")]
    public async Task Admin_opens_a_page_from_the_navigation(string link, string heading, string content)
    {
        await using var session = await chromium.OpenAsync(app, DemoUser.Admin, $"{nameof(Admin_opens_a_page_from_the_navigation)}-{link}");
        var shell = new ShellPage(session.Page);
        await session.Page.GotoAsync(new Uri(app.BaseUrl, "/").ToString());
        // The prerendered page is replaced once its circuit connects; a click before that can be lost.
        await shell.WaitUntilInteractiveAsync();

        await shell.NavLink(link).ClickAsync();

        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        await Expect(session.Page.GetByText(content).First).ToBeVisibleAsync();
        await Expect(shell.ErrorBanner).ToBeHiddenAsync();
    }
}

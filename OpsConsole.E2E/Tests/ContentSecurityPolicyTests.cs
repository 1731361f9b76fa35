using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

/// <summary>
/// The console's pages run under its Content-Security-Policy (scripts only from itself and the nonce'd import map):
/// each page's circuit starts, dialogs open, and Chromium reports no blocked script, style or connection.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class ContentSecurityPolicyTests(ConsoleApp app, Chromium chromium)
{
    [Fact]
    public async Task Every_page_runs_with_nothing_blocked_by_the_policy()
    {
        await using var session = await chromium.OpenAsync(app, DemoUser.Admin, nameof(Every_page_runs_with_nothing_blocked_by_the_policy));
        var blocked = new List<string>();
        session.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                blocked.Add(message.Text);
        };
        session.Page.PageError += (_, error) => blocked.Add(error);
        var shell = new ShellPage(session.Page);

        foreach (var path in new[] { "/approvals", "/dead-letters", "/audit", "/system", "/account", "/admin/sla-policies", "/pack-routing", "/users" })
        {
            await session.Page.GotoAsync(path);
            await shell.WaitUntilInteractiveAsync();
        }
        var users = new UsersPage(session.Page);
        await users.SessionsOf(DemoUser.Admin.Email).ClickAsync();
        await Expect(users.EndAllSessions).ToBeVisibleAsync();

        Assert.Empty(blocked);
        await Expect(shell.ErrorBanner).ToBeHiddenAsync();
    }
}

using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class RoleAccessTests(ConsoleApp app, Chromium chromium)
{
    [Fact]
    public async Task Viewer_opening_users_gets_the_403_notice()
    {
        await using var session = await chromium.OpenAsync(app, DemoUser.Viewer, nameof(Viewer_opening_users_gets_the_403_notice));
        var users = new UsersPage(session.Page);

        await users.GotoAsync();

        await Expect(users.Forbidden).ToBeVisibleAsync();
        await Expect(new ShellPage(session.Page).CurrentUser).ToHaveTextAsync(DemoUser.Viewer.DisplayName);
    }
}

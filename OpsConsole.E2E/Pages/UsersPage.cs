using Microsoft.Playwright;

namespace OpsConsole.E2E.Pages;

/// <summary>/users: account administration, Admin only; others get the 403 notice.</summary>
public sealed class UsersPage(IPage page)
{
    public ILocator Forbidden => new ShellPage(page).Forbidden;

    public async Task GotoAsync() => await page.GotoAsync("/users");
}

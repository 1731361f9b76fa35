using Microsoft.Playwright;

namespace OpsConsole.E2E.Pages;

/// <summary>/account: where the signed-in person is signed in, with "Sign out other sessions".</summary>
public sealed class AccountPage(IPage page)
{
    public ILocator SignOutOthers => page.GetByRole(AriaRole.Button, new() { Name = "Sign out other sessions" });
    public ILocator Sessions => page.GetByRole(AriaRole.Region, new() { Name = "Your open sessions" }).Locator("tbody tr");

    public async Task GotoAsync() => await page.GotoAsync("/account");
}

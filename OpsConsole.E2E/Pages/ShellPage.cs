using Microsoft.Playwright;

namespace OpsConsole.E2E.Pages;

/// <summary>The frame around every signed-in page: app bar with the current user and Sign out, and the navigation.</summary>
public sealed class ShellPage(IPage page)
{
    public ILocator AppBar => page.GetByRole(AriaRole.Banner);
    public ILocator CurrentUser => page.GetByTestId("current-user");
    public ILocator SignOutButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });

    /// <summary>Blazor's own banner, shown when the page's circuit fails.</summary>
    public ILocator ErrorBanner => page.GetByText("An unexpected error has occurred.");

    /// <summary>The notice shown in place of a page the signed-in user may not open.</summary>
    public ILocator Forbidden => page.GetByRole(AriaRole.Heading, new() { Name = "403 — Not allowed" });

    /// <summary>The drawer link whose name starts with <paramref name="name"/> (a count may follow, as in "Dead letters 3 unresolved").</summary>
    public ILocator NavLink(string name) =>
        page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(name)}( |$)") });

    public async Task SignOutAsync() => await SignOutButton.ClickAsync();

    /// <summary>Waits until the page's circuit is live, so clicks and live updates reach the server.</summary>
    public Task WaitUntilInteractiveAsync() =>
        page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}

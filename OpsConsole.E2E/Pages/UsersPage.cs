using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpsConsole.E2E.Pages;

/// <summary>/users: account administration, Admin only; others get the 403 notice.</summary>
public sealed class UsersPage(IPage page)
{
    public ILocator Forbidden => new ShellPage(page).Forbidden;

    public async Task GotoAsync() => await page.GotoAsync("/users");

    public ILocator SessionsOf(string email) => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"open sessions of {Regex.Escape(email)}$") });
    public ILocator EndAllSessions => page.GetByRole(AriaRole.Button, new() { Name = "End all sessions" });
}

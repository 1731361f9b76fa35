using System.Text.RegularExpressions;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class SignInTests(ConsoleApp app, Chromium chromium)
{
    [Fact]
    public async Task Operator_signs_in_sees_navigation_and_name_then_signs_out()
    {
        await using var session = await chromium.OpenAsync(app, user: null, nameof(Operator_signs_in_sees_navigation_and_name_then_signs_out));
        var login = new LoginPage(session.Page);
        var shell = new ShellPage(session.Page);

        await login.GotoAsync();
        await login.SignInAsync(DemoUser.Operator.Email, DemoUser.Password);

        await Expect(shell.NavLink("Overview")).ToBeVisibleAsync();
        await Expect(shell.CurrentUser).ToHaveTextAsync(DemoUser.Operator.DisplayName);
        // The stylesheets arrived: MudBlazor pins the app bar, and app.css keeps Blazor's error banner hidden.
        await Expect(shell.AppBar).ToHaveCSSAsync("position", "fixed");
        await Expect(shell.ErrorBanner).ToBeHiddenAsync();

        await shell.SignOutAsync();

        await Expect(session.Page).ToHaveURLAsync(new Regex("/login$"));
        await Expect(login.SignInButton).ToBeVisibleAsync();
        await Expect(shell.CurrentUser).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_plain_message()
    {
        await using var session = await chromium.OpenAsync(app, user: null, nameof(Wrong_password_is_refused_with_a_plain_message));
        var login = new LoginPage(session.Page);

        await login.GotoAsync();
        await login.SignInAsync(DemoUser.Manager.Email, "Not-the-password-1");

        await Expect(login.Error).ToHaveTextAsync("Email or password is not right.");
        await Expect(session.Page).ToHaveURLAsync(new Regex("/login"));
        await Expect(new ShellPage(session.Page).CurrentUser).ToHaveCountAsync(0);
    }
}

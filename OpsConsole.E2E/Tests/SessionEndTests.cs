using System.Text.RegularExpressions;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

/// <summary>
/// A session ended from elsewhere takes an open page's access away while it stays open, and the page says why instead
/// of failing; the browser's cookie then opens nothing but the sign-in page. Each test ends every session of Tara Top,
/// so the saved sign-in other tests use for her is dropped afterwards.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class SessionEndTests(ConsoleApp app, Chromium chromium) : IDisposable
{
    public void Dispose() => chromium.ForgetSignIn(app, DemoUser.Top);

    [Fact]
    public async Task An_admin_ending_a_users_sessions_signs_their_open_page_out_with_a_message()
    {
        await using var user = await chromium.OpenAsync(app, user: null, nameof(An_admin_ending_a_users_sessions_signs_their_open_page_out_with_a_message));
        await using var admin = await chromium.OpenAsync(app, DemoUser.Admin, nameof(An_admin_ending_a_users_sessions_signs_their_open_page_out_with_a_message) + "-admin");
        await SignInAsync(user.Page, DemoUser.Top);
        await user.Page.GotoAsync("/approvals");
        await new ShellPage(user.Page).WaitUntilInteractiveAsync();

        var users = new UsersPage(admin.Page);
        await users.GotoAsync();
        await new ShellPage(admin.Page).WaitUntilInteractiveAsync();
        await users.SessionsOf(DemoUser.Top.Email).ClickAsync();
        await users.EndAllSessions.ClickAsync();

        var ended = new SessionEndedNotice(user.Page);
        await Expect(ended.Heading).ToBeVisibleAsync(new() { Timeout = SessionEndedNotice.Patience });
        await Expect(ended.Notice).ToContainTextAsync("An Admin ended this session.");
        await Expect(new ShellPage(user.Page).ErrorBanner).ToBeHiddenAsync();
        await user.Page.ReloadAsync();
        await Expect(user.Page).ToHaveURLAsync(new Regex("/login"));
    }

    [Fact]
    public async Task Signing_out_other_sessions_ends_the_other_browsers_page_and_keeps_this_one()
    {
        await using var laptop = await chromium.OpenAsync(app, user: null, nameof(Signing_out_other_sessions_ends_the_other_browsers_page_and_keeps_this_one) + "-laptop");
        await using var desk = await chromium.OpenAsync(app, user: null, nameof(Signing_out_other_sessions_ends_the_other_browsers_page_and_keeps_this_one));
        await SignInAsync(laptop.Page, DemoUser.Top);
        await SignInAsync(desk.Page, DemoUser.Top);
        await laptop.Page.GotoAsync("/approvals");
        await new ShellPage(laptop.Page).WaitUntilInteractiveAsync();

        var account = new AccountPage(desk.Page);
        await account.GotoAsync();
        await new ShellPage(desk.Page).WaitUntilInteractiveAsync();
        await Expect(account.Sessions.Filter(new() { HasText = "This session" })).ToHaveCountAsync(1);
        await account.SignOutOthers.ClickAsync();

        var ended = new SessionEndedNotice(laptop.Page);
        await Expect(ended.Heading).ToBeVisibleAsync(new() { Timeout = SessionEndedNotice.Patience });
        await Expect(ended.Notice).ToContainTextAsync("You signed this session out from another one.");
        await Expect(account.Sessions).ToHaveCountAsync(1);
        await Expect(new ShellPage(desk.Page).CurrentUser).ToHaveTextAsync(DemoUser.Top.DisplayName);
        await ended.SignInAgain.ClickAsync();
        await Expect(laptop.Page).ToHaveURLAsync(new Regex("/login"));
    }

    static async Task SignInAsync(Microsoft.Playwright.IPage page, DemoUser user)
    {
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(user.Email, DemoUser.Password);
        await Expect(new ShellPage(page).CurrentUser).ToHaveTextAsync(user.DisplayName);
    }
}

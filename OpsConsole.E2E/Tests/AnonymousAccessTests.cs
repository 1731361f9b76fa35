using System.Web;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class AnonymousAccessTests(ConsoleApp app, Chromium chromium)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/audit")]
    [InlineData("/system")]
    [InlineData("/users")]
    public async Task Page_without_sign_in_leads_to_the_sign_in_page(string path)
    {
        var caseName = path == "/" ? "root" : path.Trim('/');
        await using var session = await chromium.OpenAsync(app, user: null, $"{nameof(Page_without_sign_in_leads_to_the_sign_in_page)}-{caseName}");

        var response = await session.Page.GotoAsync(path);

        Assert.True(response?.Status == 200, $"GET {path} ended at {session.Page.Url} with status {response?.Status}, not on the sign-in page.");
        await Expect(new LoginPage(session.Page).SignInButton).ToBeVisibleAsync();
        var landed = new Uri(session.Page.Url);
        Assert.Equal("/login", landed.AbsolutePath);
        // The way back after signing in is kept.
        var returnUrl = HttpUtility.ParseQueryString(landed.Query)["returnUrl"];
        Assert.Equal(path.TrimStart('/'), returnUrl?.TrimStart('/'));
    }

    [Theory]
    [InlineData("GET", "/api/machine/whoami")]
    [InlineData("POST", "/hubs/ops/negotiate?negotiateVersion=1")]
    public async Task Machine_route_without_credentials_answers_401(string method, string path)
    {
        await using var http = await chromium.NewRequestContextAsync(app);

        var response = await http.FetchAsync(path, new() { Method = method });

        Assert.True(response.Status == 401, $"{method} {path} answered {response.Status}, not 401.");
    }
}

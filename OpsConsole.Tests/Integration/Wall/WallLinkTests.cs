using System.Net;
using OpsConsole.Features.Wall;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Wall;

/// <summary>A TV opens the wall with the wall link: the token buys a cookie and leaves the address bar at once, a wrong
/// token buys nothing, a cookie outlives neither a new token nor its own paths, and the token never reaches a log.</summary>
[Trait("Category", "Integration")]
public sealed class WallLinkTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    LogCapturingApp app = null!;

    public Task InitializeAsync()
    {
        app = new LogCapturingApp(fixture.ConnectionString, WallApp.Settings());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_wall_link_sets_an_http_only_cookie_and_redirects_to_the_wall_without_the_token()
    {
        using var response = await WallApp.OpenLinkAsync(app, WallApp.Token);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/wall", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(WallAccess.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(WallApp.Token, cookie, StringComparison.Ordinal);

        using var wall = await WallApp.SendAsync(app, cookie.Split(';')[0], HttpMethod.Get, "/wall");
        Assert.Equal(HttpStatusCode.OK, wall.StatusCode);
        var page = await wall.Content.ReadAsStringAsync();
        Assert.Contains("Alert wall", page, StringComparison.Ordinal);
        Assert.Contains("id=\"components-reconnect-modal\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_403_and_clears_a_wall_cookie_it_held()
    {
        using var response = await WallApp.OpenLinkAsync(app, WallApp.Token + "x");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(WallAccess.CookieName + "=;", StringComparison.Ordinal));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("not accepted", text, StringComparison.Ordinal);
        Assert.DoesNotContain(WallApp.Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_cookie_the_wall_asks_for_a_sign_in()
    {
        using var response = await WallApp.SendAsync(app, "ops.other=1", HttpMethod.Get, "/wall");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_opened_with_an_earlier_token_no_longer_opens_the_wall()
    {
        var cookie = await WallApp.CookieAsync(app);
        await using var renewed = new OpsAppFactory(fixture.ConnectionString, WallApp.Settings("wall-test-token-the-next-one-0123456789abcdef"));

        using var response = await WallApp.SendAsync(renewed, cookie, HttpMethod.Get, "/wall");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_is_never_written_to_a_log_at_any_level()
    {
        (await WallApp.OpenLinkAsync(app, WallApp.Token)).Dispose();
        (await WallApp.OpenLinkAsync(app, WallApp.Token + "-wrong")).Dispose();
        (await WallApp.SendAsync(app, await WallApp.CookieAsync(app), HttpMethod.Get, "/wall")).Dispose();

        var texts = app.LogTexts.ToList();
        // Hosting writes each request's line at Information; it is kept, with the token's value redacted.
        Assert.Contains(texts, t => t.Contains("/wall?token=redacted", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(WallApp.Token, StringComparison.Ordinal));
    }
}

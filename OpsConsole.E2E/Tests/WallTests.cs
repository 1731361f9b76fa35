using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

/// <summary>
/// The alert wall as a TV shows it, opened with the wall token on an instance that runs no jobs, beside the run's app on
/// the same database: an alert raised by the other instance's evaluator appears within 2 s and goes on clear without a
/// reload; and after the wall's instance restarts, with an alert raised while it was down, the wall is live again within
/// 30 s without a click and shows that alert.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class WallTests(ConsoleApp app, Chromium chromium)
{
    static readonly TimeSpan RaiseLimit = TimeSpan.FromSeconds(40);

    // The wall's instance evaluates nothing itself, so what it shows came from the other instance's commit.
    static readonly Dictionary<string, string> WallOnly = new() { ["Jobs__Enabled"] = "false" };

    [Fact]
    public async Task An_alert_raised_by_another_instance_shows_within_2_s_and_goes_on_clear_without_a_reload()
    {
        await using var wallApp = ConsoleApp.BesideOf(app, "wall-instance.log", WallOnly);
        await wallApp.InitializeAsync();
        await using var session = await chromium.OpenAsync(wallApp, user: null, nameof(An_alert_raised_by_another_instance_shows_within_2_s_and_goes_on_clear_without_a_reload));
        var wall = new WallPage(session.Page);
        await wall.OpenWithTokenAsync();
        Assert.EndsWith("/wall", session.Page.Url);
        await wall.WatchTilesAsync();
        using var client = new DemoMachineClient(app.BaseUrl);
        var feeds = new AlertFeeds(client);
        var pair = AlertFeeds.NewPair();

        await feeds.FailTradeAsync(pair);
        var raisedAt = await feeds.RaisedAtAsync(AlertFeeds.ExecutorFailed, pair, RaiseLimit);
        var tile = wall.Tile("Critical", AlertFeeds.ExecutorFailedTitle, pair);
        await Expect(tile).ToBeVisibleAsync(new() { Timeout = 10_000 });

        var shownAfter = await wall.SeenAtAsync(pair) - raisedAt;
        Assert.True(shownAfter <= TimeSpan.FromSeconds(2), $"The tile showed {shownAfter.TotalMilliseconds:0} ms after the raise.");
        await Expect(tile).ToContainTextAsync("CRITICAL");

        await feeds.FillTradeAsync(pair);
        await Expect(tile).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        Assert.True(await wall.IsSamePageAsync(), "The wall reloaded instead of taking the raise and the clear live.");
    }

    [Fact]
    public async Task After_its_instance_restarts_the_wall_is_live_again_within_30_s_without_a_click_and_shows_what_was_raised_meanwhile()
    {
        await using var wallApp = ConsoleApp.BesideOf(app, "wall-restart.log", WallOnly);
        await wallApp.InitializeAsync();
        await using var session = await chromium.OpenAsync(wallApp, user: null, nameof(After_its_instance_restarts_the_wall_is_live_again_within_30_s_without_a_click_and_shows_what_was_raised_meanwhile));
        var wall = new WallPage(session.Page);
        await wall.OpenWithTokenAsync();
        await wall.WatchTilesAsync();
        using var client = new DemoMachineClient(app.BaseUrl);
        var feeds = new AlertFeeds(client);
        var pair = AlertFeeds.NewPair();

        await wallApp.RestartAsync(async () =>
        {
            await Expect(wall.LinkLost).ToBeVisibleAsync();
            await feeds.FailTradeAsync(pair);
            await feeds.RaisedAtAsync(AlertFeeds.ExecutorFailed, pair, RaiseLimit);
        });
        var ready = DateTimeOffset.UtcNow;

        await Expect(wall.Tile("Critical", AlertFeeds.ExecutorFailedTitle, pair)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(DateTimeOffset.UtcNow - ready <= TimeSpan.FromSeconds(30));
        // It came back by reloading itself (nobody clicked), says that its link is back, and is live: a clear reaches it
        // without another reload.
        Assert.False(await wall.IsSamePageAsync());
        await Expect(wall.LinkBack).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await new ShellPage(session.Page).WaitUntilInteractiveAsync();
        await wall.WatchTilesAsync();
        await feeds.FillTradeAsync(pair);
        await Expect(wall.Tile("Critical", AlertFeeds.ExecutorFailedTitle, pair)).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        Assert.True(await wall.IsSamePageAsync());
    }

    [Fact]
    public async Task The_wall_token_opens_the_wall_and_nothing_a_visitor_who_is_not_signed_in_could_not()
    {
        var display = await Accessibility.RoutePaths.VisitEachAsync(app, chromium, Accessibility.RoutePaths.WallDisplay, "wall-token-pages",
            (_, _) => Task.CompletedTask);
        var nobody = await Accessibility.RoutePaths.VisitEachAsync(app, chromium, Accessibility.RoutePaths.Anonymous, "anonymous-pages",
            (_, _) => Task.CompletedTask);

        Assert.Equal(nobody.Append("/wall").Order(StringComparer.Ordinal), display.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("/", display);
    }

    [Fact]
    public async Task No_text_on_the_wall_is_smaller_than_24_px()
    {
        await using var session = await chromium.OpenAsync(app, user: null, nameof(No_text_on_the_wall_is_smaller_than_24_px));
        await new WallPage(session.Page).OpenWithTokenAsync();

        // Every element that shows text of its own, as drawn (hidden ones and the screen-reader-only status left out).
        var sizes = await session.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main.wall *')]
              .filter(e => e.getClientRects().length > 0 && !e.closest('.visually-hidden')
                           && [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim().length > 0))
              .map(e => `${parseFloat(getComputedStyle(e).fontSize)} ${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 30)}"`)
            """);

        Assert.NotEmpty(sizes);
        Assert.All(sizes, size => Assert.True(double.Parse(size.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) >= 24, size));
    }
}

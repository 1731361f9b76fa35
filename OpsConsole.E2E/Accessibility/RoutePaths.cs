using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;

namespace OpsConsole.E2E.Accessibility;

/// <summary>Each route of the app as a path to open: a route with a parameter is filled from the first link to it on its
/// parent list page, as an Admin sees it.</summary>
public static class RoutePaths
{
    /// <summary>The visitor who is not signed in.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>A TV that opened the wall with the wall token and has no personal sign-in: it sees the wall, and every other
    /// page sends it to the sign-in page.</summary>
    public const string WallDisplay = "wall-display";

    /// <summary>
    /// Opens each page as <paramref name="visitor"/> (a demo e-mail, <see cref="Anonymous"/> or <see cref="WallDisplay"/>) and runs the check on it
    /// once it has settled; returns the pages checked. A page the visitor may not open leads to the sign-in page or the
    /// 403 notice, each checked once as a page of its own.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> VisitEachAsync(ConsoleApp app, Chromium chromium, string visitor, string name,
        Func<IPage, string, Task> check)
    {
        var user = DemoUser.All.SingleOrDefault(u => u.Email == visitor);
        var paths = await ConcreteAsync(app, chromium);
        await using var session = await chromium.OpenAsync(app, user, $"{name}-{visitor}");
        var page = session.Page;
        if (visitor == WallDisplay)
            await new WallPage(page).OpenWithTokenAsync();
        var visited = new HashSet<string>();
        foreach (var (route, path) in paths)
        {
            await page.GotoAsync(path);
            var landed = new Uri(page.Url).AbsolutePath;
            var refused = landed == "/login" && route.Template != "/login" || await new ShellPage(page).Forbidden.IsVisibleAsync();
            if (refused && route.Template != "/forbidden" || !visited.Add(landed))
                continue;
            // Without a sign-in there is no circuit (the hub needs one): such a visitor only ever sees prerendered pages,
            // but for the wall display on the wall.
            await SettleAsync(page, AppRoutes.IsStatic(landed) || user is null && !(visitor == WallDisplay && landed == "/wall"));
            await check(page, $"{visitor} on {path}");
        }
        return visited;
    }

    /// <summary>Every route, with parameters filled from the first matching link on its parent list page.</summary>
    static async Task<IReadOnlyList<(AppRoute Route, string Path)>> ConcreteAsync(ConsoleApp app, Chromium chromium)
    {
        await using var admin = await chromium.OpenAsync(app, DemoUser.Admin, "axe-route-samples");
        var paths = new List<(AppRoute, string)>();
        foreach (var route in AppRoutes.All)
            paths.Add((route, route.HasParameters ? await SampleAsync(admin.Page, route) : route.Template));
        return paths;
    }

    static async Task<string> SampleAsync(IPage page, AppRoute route)
    {
        var parent = route.Template[..route.Template.IndexOf("/{", StringComparison.Ordinal)];
        var pattern = new Regex("^" + string.Join("/", route.Template.Split('/').Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "$");
        await page.GotoAsync(parent);
        await new ShellPage(page).WaitUntilInteractiveAsync();
        var links = page.Locator($"a[href^='{parent}/']");
        // Lists fill in as their rows arrive (the demo's dead letters are written just after start).
        for (var tries = 0; tries < 30; tries++)
        {
            var hrefs = await links.EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)");
            if (hrefs.FirstOrDefault(pattern.IsMatch) is { } path)
                return path;
            await page.WaitForTimeoutAsync(500);
        }
        throw new InvalidOperationException($"No link on {parent} opens {route.Template}: give the route a sample to check.");
    }

    /// <summary>Waits for the circuit on interactive pages, and for loading to finish, so a check sees what a person sees.</summary>
    public static async Task SettleAsync(IPage page, bool isStatic)
    {
        try
        {
            if (!isStatic)
                await new ShellPage(page).WaitUntilInteractiveAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Microsoft.Playwright.Assertions.Expect(page.Locator(".mud-table-loading-progress, .mud-progress-circular")).ToHaveCountAsync(0);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{page.Url} did not settle: {ex.Message}", ex);
        }
    }
}

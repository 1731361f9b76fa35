using Microsoft.Playwright;
using OpsConsole.E2E.Support;

namespace OpsConsole.E2E.Pages;

/// <summary>The alert wall as a TV shows it: opened with the wall link, its tiles named by severity, title and scope.</summary>
public sealed class WallPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Alert wall", Level = 1 });

    /// <summary>The tile of the alert with this title ("Executor submission failed") for this scope.</summary>
    public ILocator Tile(string severity, string title, string scope) =>
        page.GetByRole(AriaRole.Article, new() { Name = $"{severity}: {title} for {scope}", Exact = true });

    public ILocator LinkLost => page.GetByText("Live link lost at");

    public ILocator LinkBack => page.GetByText("Live link back at");

    /// <summary>Opens the wall as a TV does, with the token in the link; the app sets its cookie and drops the token.</summary>
    public async Task OpenWithTokenAsync()
    {
        await page.GotoAsync($"/wall?token={ConsoleApp.WallToken}");
        await Assertions.Expect(Heading).ToBeVisibleAsync();
        await new ShellPage(page).WaitUntilInteractiveAsync();
    }

    /// <summary>Starts noting, in the page itself, when each tile first appears (ms since the epoch, by scope), so a test
    /// measures what the screen showed and not how often it looked; and marks the page, so a reload shows.</summary>
    public Task WatchTilesAsync() => page.EvaluateAsync("""
        () => {
          window.__wallMarker = true;
          window.__tileSeen = {};
          const note = () => document.querySelectorAll('[data-testid=wall-tile]').forEach(t => {
            if (!(t.dataset.scope in window.__tileSeen)) window.__tileSeen[t.dataset.scope] = Date.now();
          });
          note();
          new MutationObserver(note).observe(document.body, { childList: true, subtree: true });
        }
        """);

    /// <summary>When the tile of <paramref name="scope"/> first appeared, as the page noted it.</summary>
    public async Task<DateTimeOffset> SeenAtAsync(string scope) =>
        DateTimeOffset.FromUnixTimeMilliseconds(await page.EvaluateAsync<long>("s => window.__tileSeen[s]", scope));

    /// <summary>Whether the page is still the one <see cref="WatchTilesAsync"/> marked (no reload since).</summary>
    public Task<bool> IsSamePageAsync() => page.EvaluateAsync<bool>("() => window.__wallMarker === true");
}

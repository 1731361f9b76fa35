using Microsoft.Playwright;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;

namespace OpsConsole.E2E.Accessibility;

/// <summary>
/// On every page, Tab reaches every link and button, and whatever has focus shows a ring (an outline of at least 2 px on
/// it, or for a check box or switch on the control that is drawn). An Admin opens every page; a visitor who is not signed
/// in sees the sign-in page.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class FocusRingTests(ConsoleApp app, Chromium chromium)
{
    const int MaxTabs = 150;

    // One Tab stop: what it is, whether its ring shows, and whether focus has come round to it again after leaving it
    // (Tab inside a time or date input moves between its parts and stays on the input).
    const string FocusedStop = """
        () => {
          const e = document.activeElement;
          const previous = window.__opsTabLast;
          window.__opsTabLast = e;
          if (!e || e === document.body) return { name: 'body', ring: true, repeat: false };
          const repeat = e.__opsTabSeen === true && e !== previous;
          e.__opsTabSeen = true;
          const drawn = getComputedStyle(e).opacity === '0' || e.getBoundingClientRect().width < 2;
          const holder = drawn ? (e.closest('.mud-checkbox, .mud-switch, .mud-radio')?.querySelector('.mud-button-root') ?? e) : e;
          const s = getComputedStyle(holder);
          const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
          const name = (e.getAttribute('aria-label') || e.innerText || e.value || e.getAttribute('href') || '').trim().slice(0, 40);
          return { name: `${e.getAttribute('role') || e.tagName.toLowerCase()} "${name}"`, ring, repeat };
        }
        """;

    // Links and buttons a person can see and use that focus never reached.
    const string Unreached = """
        () => [...document.querySelectorAll('a[href], button:not([disabled])')]
          .filter(e => e.getAttribute('tabindex') !== '-1' && !e.__opsTabSeen && e.getClientRects().length > 0
                       && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[aria-hidden=true], #blazor-error-ui'))
          .map(e => `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') || e.innerText || e.getAttribute('href') || '').trim().slice(0, 40)}"`)
        """;

    [Theory]
    [InlineData("admin@demo.local")]
    [InlineData(RoutePaths.Anonymous)]
    public async Task Tab_reaches_every_control_and_each_shows_a_focus_ring(string visitor)
    {
        var found = new List<string>();

        var visited = await RoutePaths.VisitEachAsync(app, chromium, visitor, "focus",
            async (page, where) => found.AddRange(await WalkAsync(page, where)));

        await File.WriteAllLinesAsync(Artifacts.PathFor($"focus-{visitor}.txt"), found);
        Assert.True(found.Count == 0, $"{found.Count} focus problems:\n{string.Join("\n", found)}");
        Assert.NotEmpty(visited);
    }

    static async Task<IReadOnlyList<string>> WalkAsync(IPage page, string where)
    {
        var problems = new List<string>();
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.EvaluateAsync<Stop>(FocusedStop);
            if (stop.Repeat)
                break;
            if (!stop.Ring)
                problems.Add($"{where}: no visible focus on {stop.Name}");
        }
        problems.AddRange((await page.EvaluateAsync<string[]>(Unreached)).Select(e => $"{where}: Tab never reaches {e}"));
        return problems;
    }

    sealed class Stop
    {
        public string Name { get; set; } = "";
        public bool Ring { get; set; }
        public bool Repeat { get; set; }
    }
}

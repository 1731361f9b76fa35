using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OpsConsole.E2E.Accessibility;

/// <summary>axe-core's WCAG 2.0/2.1 A and AA rules on the page as it stands; what it finds serious or critical.</summary>
public static class AxeAudit
{
    static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    // A fading element (a snackbar arriving) is measured against its half-blended background: wait for every animation
    // that ends (spinners run forever) to finish, and for snackbars, whose fade MudBlazor starts from its own timer, to be
    // fully shown; at most a few seconds.
    const string AnimationsSettled = """
        async () => {
            const until = Date.now() + 3000;
            const finite = () => document.getAnimations()
                .filter(a => a.playState !== 'finished' && a.effect && a.effect.getComputedTiming().endTime !== Infinity);
            const fading = () => [...document.querySelectorAll('.mud-snackbar')]
                .filter(e => getComputedStyle(e).opacity !== '1');
            while (Date.now() < until && (finite().length > 0 || fading().length > 0))
                await new Promise(resolve => setTimeout(resolve, 50));
        }
        """;

    // The snackbars axe is about to measure, and then whether each of them is still fully shown.
    const string SnackbarsHeld = "() => { window.axeSnackbars = [...document.querySelectorAll('.mud-snackbar')]; }";
    const string SnackbarsStillShown = """
        () => (window.axeSnackbars || []).every(e => e.isConnected && getComputedStyle(e).opacity === '1')
        """;

    /// <summary>One line per failing element: where, the rule, its impact and what axe says is wrong.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string where)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.EvaluateAsync(AnimationsSettled);
            await page.EvaluateAsync(SnackbarsHeld);
            var result = await page.RunAxe(Options);
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            // A snackbar that began to fade out while axe ran was measured half-blended: measured again once it is gone.
            // One that stayed shown throughout is judged as it was.
            var onSnackbar = serious.Any(v => v.Nodes.Any(n => n.Target.ToString().Contains("mud-snackbar", StringComparison.Ordinal)));
            if (!onSnackbar || attempt == 3 || await page.EvaluateAsync<bool>(SnackbarsStillShown))
                return [.. serious.SelectMany(v => v.Nodes.Select(n => $"{where}: {v.Id} ({v.Impact}) {v.Help} at `{n.Target}`: {Why(n)}"))];
        }
    }

    static string Why(AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }.SelectMany(checks => checks ?? []).Select(c => c.Message)).ReplaceLineEndings(" ");
}

using Microsoft.Playwright;

namespace OpsConsole.E2E.Support;

/// <summary>Moving through a page as a keyboard user does: Tab and Shift+Tab, Enter, Escape, typing. No clicks.</summary>
public sealed class KeyboardOnly(IPage page)
{
    const int MaxTabs = 120;

    public Task PressAsync(string key) => page.Keyboard.PressAsync(key);

    public Task TypeAsync(string text) => page.Keyboard.TypeAsync(text);

    /// <summary>Presses Tab until <paramref name="target"/> has focus; fails naming the stops it passed when it never does.</summary>
    public async Task TabToAsync(ILocator target)
    {
        await target.WaitForAsync();
        var passed = new List<string>();
        for (var i = 0; i < MaxTabs; i++)
        {
            if (await HasFocusAsync(target))
                return;
            await page.Keyboard.PressAsync("Tab");
            passed.Add(await FocusedAsync());
        }
        throw new InvalidOperationException($"Tab never reached {target} in {MaxTabs} presses; it passed: {string.Join(" | ", passed.Distinct())}");
    }

    public static Task<bool> HasFocusAsync(ILocator target) => target.EvaluateAsync<bool>("e => e === document.activeElement");

    /// <summary>The focused element, told as a person would read it: its role or tag and its accessible text.</summary>
    public Task<string> FocusedAsync() => page.EvaluateAsync<string>("""
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return 'body';
          const name = e.getAttribute('aria-label') || e.innerText || e.value || e.getAttribute('href') || '';
          return `${e.getAttribute('role') || e.tagName.toLowerCase()} "${name.trim().slice(0, 40)}"`;
        }
        """);
}

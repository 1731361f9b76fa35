using Microsoft.Playwright;

namespace OpsConsole.E2E.Support;

/// <summary>One browser context and page for one test; disposing it keeps a screenshot of the last screen.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page, string screenshotPath) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Page.ScreenshotAsync(new() { Path = screenshotPath, FullPage = true, Timeout = Chromium.Timeout });
        }
        catch (PlaywrightException)
        {
            // A screenshot that cannot be taken must not hide the test's own outcome.
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}

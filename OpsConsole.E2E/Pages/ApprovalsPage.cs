using Microsoft.Playwright;

namespace OpsConsole.E2E.Pages;

/// <summary>/approvals: the inbox. Rows carry the request id, so a test finds the request it raised among others.</summary>
public sealed class ApprovalsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Approvals" });

    public ILocator Count => page.GetByTestId("approval-count");

    public ILocator Empty => page.GetByTestId("approvals-empty");

    public ILocator Row(string requestId) => page.Locator($"[data-testid=approval-row][data-request-id='{requestId}']");

    public ILocator RowTitled(string title) => page.GetByTestId("approval-row").Filter(new() { HasText = title });

    public ILocator StatusOf(string title) => RowTitled(title).GetByTestId("status");

    public ILocator SlaBarOf(string title) => RowTitled(title).GetByTestId("sla-bar");

    /// <param name="query">The view as a query string, such as <c>?q=acme</c> or <c>?scope=All</c>.</param>
    public async Task GotoAsync(string query = "")
    {
        await page.GotoAsync("/approvals" + query);
        // Once the circuit is up, later changes arrive over it without a reload.
        await new ShellPage(page).WaitUntilInteractiveAsync();
    }

    public async Task OpenAsync(string title)
    {
        await RowTitled(title).GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}

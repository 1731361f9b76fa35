using Microsoft.Playwright;

namespace OpsConsole.E2E.Pages;

/// <summary>/approvals: the requests a user may act on ("Awaiting me") or every request ("All"), each with its SLA bar.</summary>
public sealed class ApprovalsInboxPage(IPage page)
{
    public ILocator Rows => page.GetByTestId("approval-row");

    public ILocator Row(string title) => Rows.Filter(new() { HasText = title });

    public ILocator StatusOf(string title) => Row(title).GetByTestId("status");

    public ILocator SlaBarOf(string title) => Row(title).GetByTestId("sla-bar");

    /// <summary>Opens the inbox and waits until the live connection is up, so later changes arrive without reload.</summary>
    public async Task GotoAsync(bool all = false)
    {
        await page.GotoAsync(all ? "/approvals?scope=All" : "/approvals");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async Task OpenAsync(string title)
    {
        await Row(title).GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}

using Microsoft.Playwright;

namespace OpsConsole.E2E.Pages;

/// <summary>/approvals/{id}: one request, its timeline and the actions the signed-in user may take on it.</summary>
public sealed class ApprovalRequestPage(IPage page)
{
    public ILocator Status => page.GetByTestId("request-status");

    public ILocator Tier => page.GetByTestId("request-tier");

    public ILocator Approve => page.GetByTestId("action-approve");

    public ILocator Result => page.GetByTestId("action-result");

    public ILocator Timeline => page.GetByTestId("timeline-event");

    /// <summary>The mint's Stellar transaction: the newest one's status, hash, time bounds, ledger and reason.</summary>
    public ILocator TransactionStatus => page.GetByTestId("transaction-status").First;

    public ILocator TransactionHash => page.GetByTestId("transaction-hash").First;

    public ILocator TransactionBounds => page.GetByTestId("transaction-bounds").First;

    public ILocator TransactionLedger => page.GetByTestId("transaction-ledger").First;

    public ILocator TransactionReason => page.GetByTestId("transaction-reason").First;

    public async Task GotoAsync(string id)
    {
        await page.GotoAsync($"/approvals/{id}");
        // Once the circuit is up, later changes arrive over it without a reload.
        await new ShellPage(page).WaitUntilInteractiveAsync();
    }

    /// <summary>Approves with a note; approval releases a mint, so the page asks to confirm.</summary>
    public async Task ApproveAsync(string note)
    {
        await Approve.ClickAsync();
        await page.GetByTestId("dialog-reason").FillAsync(note);
        await page.GetByTestId("dialog-confirm").ClickAsync();
    }
}

using Microsoft.Playwright;
using OpsConsole.E2E.Support;

namespace OpsConsole.E2E.Pages;

/// <summary>/funding: the observer bar with its buttons, the handles, and each transfer with its timeline.</summary>
public sealed class FundingPage(IPage page)
{
    public ILocator ObserverState => page.GetByTestId("observer-state");

    public ILocator Refresh => page.GetByRole(AriaRole.Button, new() { Name = "Refresh now" });

    public ILocator Pause => page.GetByRole(AriaRole.Button, new() { Name = "Pause observer" });

    public ILocator Resume => page.GetByRole(AriaRole.Button, new() { Name = "Resume observer" });

    public ILocator SendPayment(string handleLabel) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Send payment to {handleLabel}", Exact = true });

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator Amount => Dialog.GetByRole(AriaRole.Textbox, new() { Name = "Amount (BTC)" });

    public ILocator Send => Dialog.GetByRole(AriaRole.Button, new() { Name = "Send payment" });

    /// <summary>The transfer with this tx hash, and its status and timeline.</summary>
    public ILocator Transfer(string txHash) => page.Locator($"[data-testid=funding-transfer][data-tx='{txHash}']");

    public ILocator TransferStatus(string txHash) => Transfer(txHash).GetByTestId("transfer-status");

    public ILocator Timeline(string txHash) => Transfer(txHash).GetByRole(AriaRole.List, new() { Name = $"Timeline of {txHash}" });

    /// <summary>The message that says <paramref name="text"/>, among those shown.</summary>
    public ILocator Said(string text) => page.Locator(".mud-snackbar", new() { HasText = text });

    public async Task GotoAsync()
    {
        await page.GotoAsync("/funding");
        await Assertions.Expect(ObserverState).ToBeVisibleAsync();
        await new ShellPage(page).WaitUntilInteractiveAsync();
    }
}

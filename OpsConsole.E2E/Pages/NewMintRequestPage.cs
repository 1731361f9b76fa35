using Microsoft.Playwright;

namespace OpsConsole.E2E.Pages;

/// <summary>/approvals/new: the mint request form, checked as the API checks a posted request.</summary>
public sealed class NewMintRequestPage(IPage page)
{
    public async Task GotoAsync()
    {
        await page.GotoAsync("/approvals/new");
        await new ShellPage(page).WaitUntilInteractiveAsync();
    }

    public async Task FillAsync(string title, string assetCode, string issuer, string destination, string amount, string memo)
    {
        await page.GetByTestId("field-title").FillAsync(title);
        await page.GetByTestId("field-asset-code").FillAsync(assetCode);
        await page.GetByTestId("field-issuer").FillAsync(issuer);
        await page.GetByTestId("field-destination").FillAsync(destination);
        await page.GetByTestId("field-amount").FillAsync(amount);
        await page.GetByTestId("field-memo").FillAsync(memo);
    }

    public Task SubmitAsync() => page.GetByTestId("submit-request").ClickAsync();
}

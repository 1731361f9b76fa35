using System.Text.RegularExpressions;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

/// <summary>An Operator raises a mint from the form: a mistyped account is named and nothing is stored; once fixed,
/// the request opens Pending at tier 1.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class NewMintRequestTests(ConsoleApp app, Chromium chromium)
{
    [Fact]
    public async Task Operator_fixes_a_mistyped_account_and_raises_a_mint_request()
    {
        await using var session = await chromium.OpenAsync(app, DemoUser.Operator, nameof(Operator_fixes_a_mistyped_account_and_raises_a_mint_request));
        var page = session.Page;
        var form = new NewMintRequestPage(page);
        var title = $"Mint 25 OPS for the form drill {Guid.NewGuid():N}"[..40];
        await form.GotoAsync();

        // The last character breaks the destination's checksum.
        await form.FillAsync(title, "OPS", DemoMachineClient.Issuer, DemoMachineClient.Destination[..^1] + "A", "25.5", "form drill");
        await form.SubmitAsync();
        await Expect(page.GetByText("The destination must be a valid Stellar account id")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/approvals/new$"));

        await page.GetByTestId("field-destination").FillAsync(DemoMachineClient.Destination);
        await form.SubmitAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/approvals/[0-9a-f-]{36}$"));
        var request = new ApprovalRequestPage(page);
        await Expect(request.Status).ToHaveTextAsync("Pending");
        await Expect(request.Tier).ToContainTextAsync("1");
        await Expect(page.GetByText(title)).ToBeVisibleAsync();
        // The requester never gets to approve their own request.
        await Expect(request.Approve).ToHaveCountAsync(0);
    }
}

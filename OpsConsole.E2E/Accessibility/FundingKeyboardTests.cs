using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Accessibility;

/// <summary>An Admin pauses, resumes and refreshes the funding observer and sends a demo payment with the keyboard alone;
/// a bad amount is named under its field.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class FundingKeyboardTests(ConsoleApp app, Chromium chromium)
{
    [Fact]
    public async Task Admin_pauses_resumes_and_refreshes_the_observer_and_sends_a_payment_by_keyboard()
    {
        await using var session = await chromium.OpenAsync(app, DemoUser.Admin, nameof(Admin_pauses_resumes_and_refreshes_the_observer_and_sends_a_payment_by_keyboard));
        var keys = new KeyboardOnly(session.Page);
        var funding = new FundingPage(session.Page);
        await funding.GotoAsync();

        await keys.TabToAsync(funding.Pause);
        await keys.PressAsync("Enter");
        await Expect(funding.ObserverState).ToHaveTextAsync("Observer paused");
        await Expect(funding.Refresh).ToBeDisabledAsync();
        await keys.TabToAsync(funding.Resume);
        await keys.PressAsync("Enter");
        await Expect(funding.ObserverState).ToHaveTextAsync("Observer running");
        await keys.TabToAsync(funding.Refresh);
        await keys.PressAsync("Enter");
        await Expect(funding.Said("The observer reads every handle now")).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("funding-observer")).ToContainTextAsync("Refresh asked by admin@demo.local");

        await keys.TabToAsync(funding.SendPayment(Tests.FundingTests.BtcHandle));
        await keys.PressAsync("Enter");
        await Expect(funding.Dialog).ToBeVisibleAsync();
        await keys.TabToAsync(funding.Amount);
        await keys.PressAsync("Control+a");
        await keys.TypeAsync("1,5");
        await keys.TabToAsync(funding.Send);
        await keys.PressAsync("Enter");
        await Expect(funding.Dialog.GetByText("amount must be a number such as 0.25, not '1,5'.")).ToBeVisibleAsync();
        await keys.TabToAsync(funding.Amount);
        await keys.PressAsync("Control+a");
        await keys.TypeAsync("0.015");
        await keys.TabToAsync(funding.Send);
        await keys.PressAsync("Enter");
        await Expect(funding.Dialog).ToBeHiddenAsync();
        await Expect(funding.Said("Sent 0.015 BTC")).ToBeVisibleAsync();
    }
}

using System.Text.RegularExpressions;
using OpsConsole.E2E.Accessibility;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

/// <summary>
/// An Admin sends a payment to the demo's BTC handle on the simulated chain and watches /funding, never reloaded: the
/// transfer appears within one observer poll (in the mempool, or confirmed already when a block came first), confirms
/// with the next block, and is credited once the bridge reports its deposit; until then the page says it is not spendable.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed partial class FundingTests(ConsoleApp app, Chromium chromium)
{
    public const string BtcHandle = "Treasury BTC intake (demo)";
    // The run's app polls every ConsoleApp.FundingPoll; a simulated block comes every 30 s.
    static readonly float OnePoll = (float)(ConsoleApp.FundingPoll.TotalMilliseconds + 5_000);
    static readonly float NextBlock = (float)(30_000 + ConsoleApp.FundingPoll.TotalMilliseconds + 5_000);

    [Fact]
    public async Task Admin_sends_a_demo_payment_and_watches_it_walk_from_the_mempool_to_credited_live()
    {
        await using var session = await chromium.OpenAsync(app, DemoUser.Admin, "admin-watches-funding");
        var page = session.Page;
        var funding = new FundingPage(page);
        await funding.GotoAsync();
        await page.EvaluateAsync("() => window.e2eSamePage = true");

        await funding.SendPayment(BtcHandle).ClickAsync();
        await funding.Amount.FillAsync("0.4242");
        await funding.Send.ClickAsync();
        await Expect(funding.Said("Sent 0.4242 BTC")).ToBeVisibleAsync();
        var txHash = TxHash().Match(await funding.Said("Sent 0.4242 BTC").InnerTextAsync()).Value;

        await Expect(funding.Transfer(txHash)).ToBeVisibleAsync(new() { Timeout = OnePoll });
        await Expect(funding.Transfer(txHash)).ToContainTextAsync("0.4242 BTC");
        await Expect(funding.Transfer(txHash)).ToContainTextAsync("not spendable until credited");
        // The simulated chain mines on its own 30 s clock: a block that comes before the observer's first look takes the
        // payment straight to its first confirmation, and the observer records only what it saw.
        await Expect(funding.Timeline(txHash)).ToContainTextAsync(SeenOrMined());

        await Expect(funding.TransferStatus(txHash)).ToHaveTextAsync("Confirmed, awaiting credit", new() { Timeout = NextBlock });
        await Expect(funding.Timeline(txHash)).ToContainTextAsync("Confirmed with 1 confirmation");
        var violations = new List<string>(await AxeAudit.SeriousViolationsAsync(page, "a confirmed transfer on /funding"));

        using var bridge = new DemoMachineClient(app.BaseUrl);
        await bridge.SendAsync(HttpMethod.Post, "/api/ingest/bridge-deposits", new
        {
            asset = "BTC",
            amount = "0.4242",
            depositTxHash = txHash,
            creditedAt = DateTimeOffset.UtcNow,
            account = "treasury-btc",
        });

        await Expect(funding.TransferStatus(txHash)).ToHaveTextAsync("Credited", new() { Timeout = OnePoll });
        await Expect(funding.Transfer(txHash)).ToContainTextAsync("spendable since the bridge's credit");
        await Expect(funding.Timeline(txHash)).ToContainTextAsync("Credited by the bridge");
        Assert.True(await page.EvaluateAsync<bool>("() => window.e2eSamePage === true"));
        violations.AddRange(await AxeAudit.SeriousViolationsAsync(page, "a credited transfer on /funding"));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex TxHash();

    [GeneratedRegex("Seen in the mempool|Confirmed with 1 confirmation")]
    private static partial Regex SeenOrMined();
}

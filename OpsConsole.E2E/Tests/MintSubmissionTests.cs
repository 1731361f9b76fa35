using System.Text.RegularExpressions;
using OpsConsole.E2E.Accessibility;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using OpsConsole.Features.Stellar;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

/// <summary>The demo mints on its simulated Stellar network: one of its mints times out by itself, and a Manager
/// approves a new mint and watches it become a confirmed transaction on the request page, without reloading it.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed partial class MintSubmissionTests(ConsoleApp app, Chromium chromium)
{
    const string Doomed = "Mint 700 EURE partner payout, never included";
    // A ledger closes every 5 s; the doomed mint's maxTime is 30 s after the app started.
    static readonly float Patience = 90_000;

    [Fact]
    public async Task Manager_approves_a_mint_and_sees_it_confirmed_live_with_its_hash_time_bounds_and_ledger()
    {
        await using var session = await chromium.OpenAsync(app, DemoUser.Manager, "manager-sees-mint-confirmed");
        var page = session.Page;
        var request = new ApprovalRequestPage(page);
        var violations = new List<string>();

        // The demo's doomed mint ends TimeoutFailed by itself; mints approved while it is open would wait for it.
        var inbox = new ApprovalsPage(page);
        await inbox.GotoAsync("?scope=All&q=never%20included");
        await inbox.OpenAsync(Doomed);
        await new ShellPage(page).WaitUntilInteractiveAsync();
        await Expect(request.Status).ToHaveTextAsync("TimeoutFailed", new() { Timeout = Patience });
        await Expect(request.TransactionStatus).ToHaveTextAsync("TimeoutFailed");
        await Expect(request.TransactionReason).ToContainTextAsync("can never land");
        violations.AddRange(await AxeAudit.SeriousViolationsAsync(page, "the timed-out mint's page"));

        using var client = new DemoMachineClient(app.BaseUrl);
        var id = await client.RaiseMintAsync($"Mint watched by a Manager {Guid.NewGuid():N}", issuer: IssuerKey.SimulatedAccountId());
        await request.GotoAsync(id);
        await Expect(page.GetByTestId("no-transaction")).ToBeVisibleAsync();
        // Set on this document: still there at the end, the page was never reloaded.
        await page.EvaluateAsync("() => window.e2eSamePage = true");
        await request.ApproveAsync("Funds received");

        await Expect(request.Status).ToHaveTextAsync("Confirmed", new() { Timeout = Patience });
        await Expect(request.TransactionStatus).ToHaveTextAsync("Confirmed");
        await Expect(request.TransactionHash).ToHaveTextAsync(Hash());
        await Expect(request.TransactionBounds).ToHaveTextAsync(Bounds());
        await Expect(request.TransactionLedger).ToHaveTextAsync(Ledger());
        Assert.True(await page.EvaluateAsync<bool>("() => window.e2eSamePage === true"));
        violations.AddRange(await AxeAudit.SeriousViolationsAsync(page, "the confirmed mint's page"));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Hash();

    [GeneratedRegex(@"^from any time to \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")]
    private static partial Regex Bounds();

    [GeneratedRegex(@"^\d+, closed \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$")]
    private static partial Regex Ledger();
}

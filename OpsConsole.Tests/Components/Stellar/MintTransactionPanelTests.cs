using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Approvals.Pages;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Stellar;
using OpsConsole.Features.Stellar.Simulation;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Components.Approvals;
using OpsConsole.Tests.Integration.Approvals;

namespace OpsConsole.Tests.Components.Stellar;

/// <summary>The request page shows a mint's transaction as it is built, sent and confirmed on the simulated network.</summary>
[Trait("Category", "Component")]
public class MintTransactionPanelTests : ApprovalPagesContext
{
    [Fact]
    public async Task The_request_page_shows_the_transaction_its_bounds_and_countdown_then_its_ledger_live()
    {
        SignInAs("manager@demo.local", Roles.Manager, Treasury);
        await using (var db = Db())
            await ApprovalUsers.EnsureDepartmentAsync(db, Treasury);
        var approvals = Services.GetRequiredService<ApprovalService>();
        var created = await approvals.CreateAsync(ApprovalHarness.Mint() with
        {
            Payload = new MintPayload("EURE", IssuerKey.SimulatedAccountId(), ApprovalHarness.Issuer, 42m, "invoice 9"),
        });
        var id = created.Created!.Id;
        await approvals.ApproveAsync(id, ApprovalHarness.User("manager@demo.local", Roles.Manager));
        var submitter = Services.GetRequiredService<MintSubmitter>();
        var submission = (await submitter.SubmitAsync(id))!;

        var page = RenderInShell<ApprovalRequestPage>(id);

        await page.WaitForAssertionAsync(() => Assert.Equal(submission.Hash, page.Find("[data-testid=transaction-hash]").TextContent.Trim()), Patience);
        Assert.Equal("Pending", page.Find("[data-testid=transaction-status]").TextContent.Trim());
        Assert.Equal($"from any time to {UtcTextOf(submission.MaxTime!.Value)}", page.Find("[data-testid=transaction-bounds]").TextContent.Trim());
        Assert.Equal("5:00 until maxTime", page.Find("[data-testid=transaction-countdown]").TextContent.Trim());
        Assert.Contains("42.0000000 EURE", page.Find("[data-testid=transaction-payment]").TextContent);
        Assert.Equal("text \"invoice 9\"", page.Find("[data-testid=transaction-memo]").TextContent.Trim());

        Clock.Advance(SimulatedLedger.CloseEvery);
        await page.WaitForAssertionAsync(() => Assert.Equal("4:55 until maxTime", page.Find("[data-testid=transaction-countdown]").TextContent.Trim()), Patience);
        await submitter.ReconcileAsync(submission.Id);
        await ((LiveFeed)Services.GetRequiredService<ILiveFeed>()).PublishAsync(new LiveChange(LiveTopics.Approvals, LiveChange.Changed, id.ToString()));

        await page.WaitForAssertionAsync(() => Assert.Equal("Confirmed", page.Find("[data-testid=transaction-status]").TextContent.Trim()), Patience);
        Assert.StartsWith($"{SimulatedLedger.FirstLedger + 1}, closed", page.Find("[data-testid=transaction-ledger]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=transaction-countdown]"));
        Assert.Equal(["PENDING", "SUCCESS"], page.FindAll("[data-testid=transaction-attempts] tbody tr").Select(r => r.Children[2].TextContent.Trim()));
    }

    static string UtcTextOf(DateTimeOffset at) => OpsConsole.Components.Shared.UtcText.Format(at);
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Approvals.Pages;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Stellar;
using OpsConsole.Features.Stellar.Simulation;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Components.Approvals;
using OpsConsole.Tests.Integration.Approvals;

namespace OpsConsole.Tests.Components.Stellar;

/// <summary>A mint that timed out is never sent again by itself: its requester resubmits it, which opens a new request
/// that needs its own approval and gets its own transaction, and each request page links to the other.</summary>
[Trait("Category", "Component")]
public class TimeoutResubmissionTests : ApprovalPagesContext
{
    static readonly ApprovalActor Manager = ApprovalActor.User("manager@demo.local", [ApprovalRoles.Manager], [Treasury]);
    static readonly ApprovalActor Requester = ApprovalActor.User(ApprovalHarness.Requester, [ApprovalRoles.Operator], [Treasury]);

    [Fact]
    public async Task A_timed_out_mint_resubmitted_is_a_new_request_with_a_new_approval_and_transaction_linked_both_ways()
    {
        SignInAs("manager@demo.local", Roles.Manager, Treasury);
        await using (var db = Db())
            await ApprovalUsers.EnsureDepartmentAsync(db, Treasury);
        var approvals = Services.GetRequiredService<ApprovalService>();
        var submitter = Services.GetRequiredService<MintSubmitter>();
        var created = await approvals.CreateAsync(ApprovalHarness.Mint() with
        {
            Payload = new MintPayload("EURE", IssuerKey.SimulatedAccountId(), ApprovalHarness.Issuer, 42m, "invoice 9"),
        });
        var first = created.Created!.Id;
        Assert.IsType<TransitionOutcome.Applied>(await approvals.ActAsync(first, ApprovalCommand.Approve(), Manager));
        // The network loses this one envelope; the next one it is sent lands.
        Services.GetRequiredService<SimulatedLedger>().DropNext(1);
        var lost = (await submitter.SubmitAsync(first))!;
        while ((await ReadAsync(first)).Status != ApprovalStatus.TimeoutFailed)
        {
            Clock.Advance(SimulatedLedger.CloseEvery);
            await submitter.RunAsync(CancellationToken.None);
            Assert.True(Clock.GetUtcNow() < lost.MaxTime!.Value + TimeSpan.FromMinutes(1), "The lost mint never timed out.");
        }
        // Never again by itself: later passes build nothing more for it.
        Clock.Advance(SimulatedLedger.CloseEvery);
        await submitter.RunAsync(CancellationToken.None);
        Assert.Single(await Services.GetRequiredService<MintTransactions>().ForRequestAsync(first));

        Assert.IsType<TransitionOutcome.Applied>(await approvals.ActAsync(first, new ApprovalCommand(ApprovalAction.Resubmit), Requester));
        var second = Assert.Single(await Services.GetRequiredService<ApprovalRequestQuery>().GetAsync(first) is { } d ? d.ResubmittedAs : []);
        Assert.Equal((ApprovalStatus.Pending, first), ((await ReadAsync(second)).Status, (await ReadAsync(second)).ResubmissionOf));
        // Nothing is built before its own approval.
        Assert.Null(await submitter.SubmitAsync(second));
        Assert.IsType<TransitionOutcome.Applied>(await approvals.ActAsync(second, ApprovalCommand.Approve("Sent again after the timeout"), Manager));
        var again = (await submitter.SubmitAsync(second))!;
        Clock.Advance(SimulatedLedger.CloseEvery);
        await submitter.RunAsync(CancellationToken.None);
        Assert.NotEqual(lost.Hash, again.Hash);
        Assert.Equal(ApprovalStatus.Confirmed, (await ReadAsync(second)).Status);

        var old = RenderInShell<ApprovalRequestPage>(first);
        // The request and its transaction panel load apart: wait until both are drawn.
        await old.WaitForAssertionAsync(() =>
        {
            Assert.Equal("TimeoutFailed", old.Find("[data-testid=transaction-status]").TextContent.Trim());
            Assert.Equal(second.ToString(), old.Find("[data-testid=resubmitted-as]").TextContent.Trim());
            Assert.Equal($"/approvals/{second}", old.Find("[data-testid=transaction-resubmitted-as] a").GetAttribute("href"));
            Assert.Equal(lost.Hash, old.Find("[data-testid=transaction-hash]").TextContent.Trim());
        }, Patience);

        await DisposeComponentsAsync();
        var fresh = RenderInShell<ApprovalRequestPage>(second);
        await fresh.WaitForAssertionAsync(() =>
        {
            Assert.Equal("Confirmed", fresh.Find("[data-testid=transaction-status]").TextContent.Trim());
            Assert.Equal(first.ToString(), fresh.Find("[data-testid=resubmission-of]").TextContent.Trim());
            Assert.Equal($"/approvals/{first}", fresh.Find("[data-testid=resubmission-of]").GetAttribute("href"));
            Assert.Equal(again.Hash, fresh.Find("[data-testid=transaction-hash]").TextContent.Trim());
        }, Patience);
    }
}

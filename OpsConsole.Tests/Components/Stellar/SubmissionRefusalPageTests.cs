using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Approvals.Pages;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Stellar;
using OpsConsole.Features.Stellar.Simulation;
using OpsConsole.Tests.Components.Approvals;
using OpsConsole.Tests.Integration.Approvals;

namespace OpsConsole.Tests.Components.Stellar;

/// <summary>Each refusal of the submission guard is shown, with its reason, on the request page.</summary>
[Trait("Category", "Component")]
public class SubmissionRefusalPageTests : ApprovalPagesContext
{
    static readonly ApprovalActor Manager = ApprovalActor.User("manager@demo.local", [ApprovalRoles.Manager], [Treasury]);

    async Task<Guid> MintAsync(bool approve)
    {
        var approvals = Services.GetRequiredService<ApprovalService>();
        var created = await approvals.CreateAsync(ApprovalHarness.Mint() with
        {
            Payload = new MintPayload("EURE", IssuerKey.SimulatedAccountId(), ApprovalHarness.Issuer, 5m, null),
        });
        if (approve)
            await approvals.ActAsync(created.Created!.Id, ApprovalCommand.Approve(), Manager);
        return created.Created!.Id;
    }

    async Task<IRenderedComponent<Microsoft.AspNetCore.Components.IComponent>> PageAsync(Guid id, string waitFor)
    {
        await DisposeComponentsAsync();
        var page = RenderInShell<ApprovalRequestPage>(id);
        await page.WaitForAssertionAsync(() => Assert.Contains(waitFor, page.Markup), Patience);
        return page;
    }

    [Fact]
    public async Task Not_approved_sla_expired_and_max_time_passed_each_show_their_reason()
    {
        SignInAs("manager@demo.local", Roles.Manager, Treasury);
        await using (var db = Db())
            await ApprovalUsers.EnsureDepartmentAsync(db, Treasury);
        var submitter = Services.GetRequiredService<MintSubmitter>();

        var pending = await MintAsync(approve: false);
        Assert.Null(await submitter.SubmitAsync(pending));
        var page = await PageAsync(pending, StellarAuditActions.Refused);
        Assert.Contains(page.FindAll("[data-testid=timeline-event]"), e => e.TextContent.Contains(StellarAuditActions.Refused)
            && e.TextContent.Contains("The request is Pending, not Approved; only an approved mint is submitted."));

        var expired = await MintAsync(approve: true);
        Clock.Advance(TimeSpan.FromDays(2));
        Assert.Null(await submitter.SubmitAsync(expired));
        page = await PageAsync(expired, "Refused");
        Assert.Equal("Refused", page.Find("[data-testid=transaction-status]").TextContent.Trim());
        Assert.Contains("SLA expired", page.Find("[data-testid=transaction-reason]").TextContent);

        var late = await MintAsync(approve: true);
        Services.GetRequiredService<SimulatedLedger>().TryAgainLaterNext(1);
        var stored = (await submitter.SubmitAsync(late))!;
        Clock.SetUtcNow(stored.MaxTime!.Value);
        await submitter.ReconcileAsync(stored.Id);
        page = await PageAsync(late, "NOT_SENT");
        var attempts = page.FindAll("[data-testid=transaction-attempts] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(attempts, a => a.Contains("NOT_SENT") && a.Contains("maxTime has passed"));
        Assert.StartsWith("maxTime has passed", page.Find("[data-testid=transaction-countdown]").TextContent.Trim());
    }
}

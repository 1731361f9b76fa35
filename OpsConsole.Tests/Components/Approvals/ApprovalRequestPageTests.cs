using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Approvals.Pages;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Approvals;

namespace OpsConsole.Tests.Components.Approvals;

[Trait("Category", "Component")]
public class ApprovalRequestPageTests : ApprovalPagesContext
{
    static IReadOnlyList<string> Buttons(IRenderedComponent<IComponent> page) =>
        [.. page.FindAll("button[data-testid^=action-]").Select(b => b.GetAttribute("data-testid")!).Order()];

    static string Status(IRenderedComponent<IComponent> page) => page.Find("[data-testid=request-status]").TextContent.Trim();

    async Task<IRenderedComponent<IComponent>> OpenAsync(Guid id)
    {
        var page = RenderInShell<ApprovalRequestPage>(id);
        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll("[data-testid=request-status]")), Patience);
        return page;
    }

    [Fact]
    public async Task Operator_at_tier_1_sees_approve_and_reject_but_not_cancel()
    {
        SignInAs(OperatorEmail, Roles.Operator, Treasury);
        var id = await CreateRequestAsync();

        var page = await OpenAsync(id);

        Assert.Equal("Pending", Status(page));
        Assert.Equal("Tier 1", page.Find("[data-testid=request-tier]").TextContent.Trim());
        Assert.Equal(["action-approve", "action-comment", "action-escalate", "action-reassign", "action-reject"], Buttons(page));
        Assert.Equal(ApprovalHarness.Issuer, page.Find("[data-testid=payload-destination]").TextContent.Trim());
        Assert.Contains("Reminder at 2026-11-02 13:00:00", page.Find("[data-testid=sla-next]").TextContent);
        // The timeline loads after the request itself.
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=timeline-event]"),
            r => r.TextContent.Contains(ApprovalAuditActions.Created)), Patience);
    }

    [Fact]
    public async Task Requester_never_sees_approve_on_their_own_request()
    {
        SignInAs(ApprovalHarness.Requester, Roles.Operator, Treasury);
        var id = await CreateRequestAsync();

        var page = await OpenAsync(id);

        Assert.Equal(["action-cancel", "action-comment", "action-escalate", "action-reassign", "action-reject"], Buttons(page));
    }

    [Fact]
    public async Task Viewer_reads_the_request_but_sees_no_buttons()
    {
        SignInAs("viewer@demo.local", Roles.Viewer, Treasury);
        var id = await CreateRequestAsync();

        var page = await OpenAsync(id);

        Assert.Empty(Buttons(page));
        Assert.Equal("EURE", page.Find("[data-testid=payload-asset]").TextContent.Trim());
        Assert.Equal("125.5", page.Find("[data-testid=payload-amount]").TextContent.Trim());
    }

    [Fact]
    public async Task Expired_request_offers_only_resubmit_which_opens_the_new_request()
    {
        SignInAs(OperatorEmail, Roles.Operator, Treasury);
        var id = await CreateRequestAsync();
        Clock.Advance(TimeSpan.FromHours(24));
        await Services.GetRequiredService<SlaTimers>().ApplyDueAsync();

        var page = await OpenAsync(id);
        Assert.Equal("Expired", Status(page));
        Assert.Equal(["action-resubmit"], Buttons(page));
        Assert.Equal("2026-11-03 09:00:00", page.Find("[data-testid=sla-expired]").TextContent.Trim());

        await page.Find("[data-testid=action-resubmit]").ClickAsync(new());

        var navigation = Services.GetRequiredService<NavigationManager>();
        await page.WaitForAssertionAsync(() => Assert.Matches("/approvals/[0-9a-f-]{36}$", navigation.Uri), Patience);
        var newId = Guid.Parse(navigation.Uri[^36..]);
        Assert.NotEqual(id, newId);
        var fresh = await ReadAsync(newId);
        Assert.Equal((ApprovalStatus.Pending, id), (fresh.Status, fresh.ResubmissionOf));
    }

    [Fact]
    public async Task Reject_needs_a_reason_before_anything_is_sent()
    {
        SignInAs(OperatorEmail, Roles.Operator, Treasury);
        var id = await CreateRequestAsync();
        var page = await OpenAsync(id);

        page.Find("[data-testid=action-reject]").Click();
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=dialog-confirm]"), Patience);
        await page.Find("[data-testid=dialog-confirm]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Contains("A reason is required to reject a request.", page.Markup), Patience);
        Assert.Equal(ApprovalStatus.Pending, (await ReadAsync(id)).Status);

        await page.Find("textarea[data-testid=dialog-reason]").ChangeAsync(new() { Value = "amount above the desk limit" });
        await page.Find("[data-testid=dialog-confirm]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Equal("Rejected", Status(page)), Patience);
        Assert.Equal($"Request {id} rejected.", page.Find("[data-testid=action-result]").TextContent.Trim());
        var rejected = await ReadAsync(id);
        Assert.Equal((ApprovalStatus.Rejected, "amount above the desk limit"), (rejected.Status, rejected.DecisionReason));
        Assert.Empty(Buttons(page));
    }

    [Fact]
    public async Task A_refusal_from_the_service_is_shown_with_its_reason()
    {
        SignInAs(OperatorEmail, Roles.Operator, Treasury);
        var id = await CreateRequestAsync();
        var page = await OpenAsync(id);
        // Someone else decides first; this page has not heard of it yet.
        await Services.GetRequiredService<ApprovalService>().RejectAsync(id, ApprovalHarness.User("manager@demo.local", Roles.Manager), "no");

        page.Find("[data-testid=action-approve]").Click();
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=dialog-confirm]"), Patience);
        await page.Find("[data-testid=dialog-confirm]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Equal($"Request {id} is Rejected; it cannot be approved.",
            page.Find("[data-testid=action-result]").TextContent.Trim()), Patience);
        await page.WaitForAssertionAsync(() => Assert.Equal("Rejected", Status(page)), Patience);
    }

    [Fact]
    public async Task A_decision_made_elsewhere_appears_without_a_reload()
    {
        SignInAs("viewer@demo.local", Roles.Viewer, Treasury);
        var id = await CreateRequestAsync();
        var page = await OpenAsync(id);

        await Services.GetRequiredService<ApprovalService>().ApproveAsync(id, ApprovalHarness.User(OperatorEmail, Roles.Operator));
        await ((LiveFeed)Services.GetRequiredService<ILiveFeed>()).PublishAsync(new LiveChange(LiveTopics.Approvals, LiveChange.Changed, id.ToString()));

        await page.WaitForAssertionAsync(() => Assert.Equal("Approved", Status(page)), Patience);
        Assert.Contains(page.FindAll("[data-testid=timeline-event]"), r => r.TextContent.Contains(ApprovalAuditActions.Approved));
    }

    [Fact]
    public async Task Unknown_id_says_there_is_no_such_request()
    {
        SignInAs(OperatorEmail, Roles.Operator, Treasury);
        var id = Guid.NewGuid();

        var page = RenderInShell<ApprovalRequestPage>(id);

        await page.WaitForAssertionAsync(() => Assert.Equal($"No approval request has the id {id}.",
            page.Find("[data-testid=request-not-found]").TextContent.Trim()), Patience);
    }
}

using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

/// <summary>The demo's top-up request went unanswered for 13 hours and was escalated to the Managers; one approves it while
/// the Operator who raised it watches their inbox.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class EscalatedApprovalTests(ConsoleApp app, Chromium chromium)
{
    const string Escalated = "Mint 40,000 EURE treasury top-up";

    [Fact]
    public async Task Manager_approves_an_escalated_request_while_the_operators_open_inbox_updates_live()
    {
        await using var operatorSession = await chromium.OpenAsync(app, DemoUser.Operator, "operator-inbox-updates-live");
        var operatorInbox = new ApprovalsPage(operatorSession.Page);
        await operatorInbox.GotoAsync("?scope=All");
        await Expect(operatorInbox.StatusOf(Escalated)).ToHaveTextAsync("Pending");
        await Expect(operatorInbox.SlaBarOf(Escalated)).ToBeVisibleAsync();

        await using var managerSession = await chromium.OpenAsync(app, DemoUser.Manager, "manager-approves-escalated");
        var managerInbox = new ApprovalsPage(managerSession.Page);
        await managerInbox.GotoAsync();
        await managerInbox.OpenAsync(Escalated);
        var request = new ApprovalRequestPage(managerSession.Page);
        await Expect(request.Tier).ToContainTextAsync("2");
        await request.ApproveAsync("Funding arrived this morning");

        await Expect(request.Status).ToHaveTextAsync("Approved");
        await Expect(request.Timeline.Filter(new() { HasText = "approval.approved" })).ToHaveCountAsync(1);
        // The Operator's page was never reloaded: the change arrived over the live feed.
        await Expect(operatorInbox.StatusOf(Escalated)).ToHaveTextAsync("Approved");
        await Expect(operatorInbox.SlaBarOf(Escalated)).ToHaveCountAsync(0);
    }
}

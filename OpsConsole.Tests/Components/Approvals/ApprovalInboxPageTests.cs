using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Components;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Approvals.Pages;
using OpsConsole.Features.Identity;
using static OpsConsole.Tests.Integration.Approvals.InboxRequests;

namespace OpsConsole.Tests.Components.Approvals;

[Trait("Category", "Component")]
public class ApprovalInboxPageTests : ApprovalPagesContext
{
    static IReadOnlyList<IElement> Rows<T>(IRenderedComponent<T> page) where T : IComponent => page.FindAll("[data-testid=approval-row]");

    // The page reads its view from the address, as it does when a link opens it.
    IRenderedComponent<ApprovalInboxPage> RenderInbox(string address = "/approvals")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<ApprovalInboxPage>();
    }

    [Fact]
    public async Task Rows_show_what_awaits_the_operator_with_a_link_a_status_and_an_sla_bar()
    {
        var mine = Pending("Mint 500 EURE for Acme");
        await SeedAsync(mine, Pending("Tier two elsewhere", tier: 2), Decided("Approved already", ApprovalStatus.Approved));
        SignInAs("operator@demo.local", Roles.Operator, Treasury);

        var page = RenderInbox();

        await page.WaitForAssertionAsync(() => Assert.Single(Rows(page)), Patience);
        var row = Rows(page)[0];
        Assert.Equal(mine.Id.ToString(), row.GetAttribute("data-request-id"));
        Assert.Equal($"/approvals/{mine.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Pending", row.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Contains("Operators of treasury", row.TextContent);
        Assert.Equal("Reminder in 4 h", row.QuerySelector("[data-testid=sla-bar]")!.TextContent.Trim());
        Assert.Equal(nameof(SlaUrgency.OnTrack), row.QuerySelector("[data-testid=sla-bar]")!.GetAttribute("data-urgency"));
        Assert.Equal("1", page.Find("[data-testid=approval-count]").TextContent.Trim());
    }

    [Fact]
    public async Task An_empty_inbox_says_nothing_is_waiting_and_offers_every_request()
    {
        await SeedAsync(Decided("Approved already", ApprovalStatus.Approved));
        SignInAs("operator@demo.local", Roles.Operator, Treasury);

        var page = RenderInbox();

        await page.WaitForAssertionAsync(() => Assert.Contains("Nothing is waiting for you", page.Find("[data-testid=approvals-empty]").TextContent), Patience);
        Assert.Equal("0", page.Find("[data-testid=approval-count]").TextContent.Trim());
        await page.FindAll("[data-testid=approvals-empty] button").Single(b => b.TextContent.Contains("Show all requests")).ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Single(Rows(page)), Patience);
        Assert.EndsWith("/approvals?scope=All", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task A_live_change_reloads_the_rows_without_a_page_reload()
    {
        var first = Pending("First request");
        await SeedAsync(first);
        SignInAs("manager@demo.local", Roles.Manager, Treasury);
        var page = RenderInbox();
        await page.WaitForAssertionAsync(() => Assert.Single(Rows(page)), Patience);

        var second = Pending("Second request", tier: 2, minutesAfterStart: 1);
        await SeedAsync(second);
        await AnnounceAsync(second.Id);
        await page.WaitForAssertionAsync(() => Assert.Equal(2, Rows(page).Count), Patience);

        // Someone approves the first: it leaves "Awaiting me".
        await using (var db = Db())
            await db.ApprovalRequests.Where(r => r.Id == first.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ApprovalStatus.Approved).SetProperty(r => r.NextDueAt, (DateTimeOffset?)null));
        await AnnounceAsync(first.Id);

        await page.WaitForAssertionAsync(() => Assert.Equal(second.Id.ToString(), Assert.Single(Rows(page)).GetAttribute("data-request-id")), Patience);
        Assert.Equal("1", page.Find("[data-testid=approval-count]").TextContent.Trim());
    }

    [Fact]
    public async Task The_sla_bar_advances_on_the_server_timer()
    {
        await SeedAsync(Pending("Waiting request"));
        SignInAs("operator@demo.local", Roles.Operator, Treasury);
        var page = RenderInbox();
        await page.WaitForAssertionAsync(() => Assert.Equal("Reminder in 4 h", page.Find("[data-testid=sla-bar]").TextContent.Trim()), Patience);

        Clock.Advance(TimeSpan.FromHours(3.5));

        await page.WaitForAssertionAsync(() =>
        {
            var bar = page.Find("[data-testid=sla-bar]");
            Assert.Equal("Reminder in 30 m", bar.TextContent.Trim());
            Assert.Equal(nameof(SlaUrgency.Urgent), bar.GetAttribute("data-urgency"));
        }, Patience);
    }

    [Fact]
    public async Task A_link_reproduces_the_view_and_sorting_updates_the_link()
    {
        await SeedAsync(
            Pending("Bravo", "operations", minutesAfterStart: 1), Pending("Alpha", "operations", minutesAfterStart: 2),
            Pending("Charlie in treasury"), Decided("Delta", ApprovalStatus.Rejected, "operations"));
        SignInAs("viewer@demo.local", Roles.Viewer);

        var page = RenderInbox("/approvals?department=operations&status=Pending");

        await page.WaitForAssertionAsync(() => Assert.Equal(["Bravo", "Alpha"], Rows(page).Select(r => r.QuerySelector("a")!.TextContent)), Patience);
        await page.FindAll("th[data-sort=Title] button").Single().ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Equal(["Alpha", "Bravo"], Rows(page).Select(r => r.QuerySelector("a")!.TextContent)), Patience);
        var query = QueryHelpers.ParseQuery(new Uri(Services.GetRequiredService<NavigationManager>().Uri).Query);
        Assert.Equal(["department=operations", "sort=Title", "status=Pending"], query.Select(q => $"{q.Key}={q.Value}").Order());
    }

    [Fact]
    public async Task Approvers_get_the_new_mint_request_button_and_viewers_do_not()
    {
        SignInAs("viewer@demo.local", Roles.Viewer);
        var viewer = RenderInbox();
        await viewer.WaitForAssertionAsync(() => Assert.Contains("No approval requests yet", viewer.Markup), Patience);
        Assert.Empty(viewer.FindAll("[data-testid=new-mint-request]"));
    }

    [Fact]
    public async Task Operators_get_the_new_mint_request_button()
    {
        SignInAs("operator@demo.local", Roles.Operator, Treasury);
        var page = RenderInbox();
        await page.WaitForAssertionAsync(() => Assert.Equal("/approvals/new", page.Find("[data-testid=new-mint-request]").GetAttribute("href")), Patience);
    }

    [Fact]
    public async Task A_remediator_gets_the_forbidden_notice_through_the_router()
    {
        await SeedAsync(Pending("Not for remediators"));
        SignInAs("remediator@demo.local", Roles.Remediator);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/approvals");

        var app = Render<Routes>();

        await app.WaitForAssertionAsync(() => Assert.Contains("403", app.Find("[data-testid=forbidden]").TextContent), Patience);
        Assert.Empty(app.FindAll("[data-testid=approval-row]"));
    }
}

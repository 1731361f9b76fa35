using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Calendars;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Approvals.Pages;
using OpsConsole.Features.Audit;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;

namespace OpsConsole.Tests.Components.Approvals;

/// <summary>The SLA policies page over the real service and this context's database, with the settings a test gives.</summary>
[Trait("Category", "Component")]
public class SlaPoliciesPageTests : DatabaseShellContext
{
    const string Admin = "admin@ops.test";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public SlaPoliciesPageTests()
    {
        var clock = new FakeTimeProvider(Now);
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddOptions<SlaOptions>().Configure(o =>
        {
            o.Policies[ApprovalKind.Mint] = SlaPolicy.MintDefault with { RemindAfter = TimeSpan.FromHours(2) };
            o.Calendar = BusinessCalendar.Weekdays("Europe/Berlin", [new DateOnly(2026, 12, 25)]);
        });
        Services.AddSingleton<SlaPolicies>();
        SignIn(Admin, "Ada Admin", Roles.Admin);
    }

    IRenderedComponent<IComponent> Open() => RenderInShell<SlaPoliciesPage>();

    // The page has a card per kind; these tests work on the Mint card.
    static AngleSharp.Dom.IElement Card(IRenderedComponent<IComponent> page) => page.Find("[data-testid=sla-policy-Mint]");

    // MudTextField ties its label to its input by id.
    static AngleSharp.Dom.IElement Input(IRenderedComponent<IComponent> page, string label) =>
        page.Find("#" + Card(page).QuerySelectorAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for"));

    // A button of the card, or else of a dialog it opened.
    static void Click(IRenderedComponent<IComponent> page, string text) =>
        (Card(page).QuerySelectorAll("button").SingleOrDefault(b => b.TextContent.Trim() == text)
            ?? page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text)).Click();

    static string Source(IRenderedComponent<IComponent> page) => Card(page).QuerySelector("[data-testid=policy-source]")!.TextContent.Trim();

    [Fact]
    public async Task Shows_who_edited_the_policy_in_force_and_when_with_the_business_calendar()
    {
        var bob = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Email, "bob@ops.test"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        Assert.Empty(await Services.GetRequiredService<SlaPolicies>().SaveAsync(bob, ApprovalKind.Mint,
            SlaPolicy.MintDefault with { RemindAfter = TimeSpan.FromMinutes(90) }, null));

        var page = Open();

        page.WaitForAssertion(() => Assert.Equal("Edited by bob@ops.test at 2026-11-02 09:00 UTC", Source(page)), Patience);
        Assert.Contains("Remind after 1h 30m · Escalate after 12h · Final escalation after off · Expire after 1d · WallClock", page.Markup);
        Assert.Equal("1h 30m", Input(page, "Remind after").GetAttribute("value"));
        Assert.Contains("Mon, Tue, Wed, Thu, Fri, 09:00–17:00 Europe/Berlin; holidays: 2026-12-25",
            page.Find("[data-testid=business-calendar]").TextContent);
    }

    [Fact]
    public void An_unreadable_duration_is_shown_under_its_field_by_name_and_nothing_is_saved()
    {
        var page = Open();
        page.WaitForAssertion(() => Assert.Equal("12h", Input(page, "Escalate after").GetAttribute("value")), Patience);

        Input(page, "Escalate after").Change("12 hours");
        page.WaitForAssertion(() => Assert.Equal("12 hours", Input(page, "Escalate after").GetAttribute("value")), Patience);
        Click(page, "Save");

        page.WaitForAssertion(() => Assert.Equal(
            "Escalate after: '12 hours' is not a duration: write 4:00:00, 3.00:00:00, 3d, 4h or 90m, or leave it empty to turn the step off.",
            Assert.Single(page.FindAll(".mud-input-helper-text.mud-input-error")).TextContent.Trim()), Patience);
        Assert.Equal("From the settings (Sla:Policies)", Source(page));
    }

    [Fact]
    public async Task Save_stores_the_edit_and_the_card_then_shows_who_made_it()
    {
        var page = Open();
        page.WaitForAssertion(() => Assert.Equal("From the settings (Sla:Policies)", Source(page)), Patience);
        Assert.Equal("2h", Input(page, "Remind after").GetAttribute("value"));

        Input(page, "Remind after").Change("90m");
        Input(page, "Final escalation after").Change("3d");
        page.WaitForAssertion(() => Assert.Equal("3d", Input(page, "Final escalation after").GetAttribute("value")), Patience);
        Click(page, "Save");

        page.WaitForAssertion(() => Assert.Equal($"Edited by {Admin} at 2026-11-02 09:00 UTC", Source(page)), Patience);
        Assert.Contains("Saved the Mint policy.", page.Markup);
        await using var db = new OpsDbContext(Options());
        var stored = await db.SlaPolicyOverrides.AsNoTracking().SingleAsync();
        Assert.Equal((TimeSpan.FromMinutes(90), TimeSpan.FromDays(3), Admin), (stored.RemindAfter, stored.EscalateFinalAfter, stored.UpdatedBy));
        Assert.Single(await db.AuditEvents.AsNoTracking().Where(e => e.Action == ApprovalAuditActions.PolicyChanged).ToListAsync());
    }

    Microsoft.EntityFrameworkCore.DbContextOptions<OpsDbContext> Options()
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, ConnectionString);
        return options.Options;
    }
}

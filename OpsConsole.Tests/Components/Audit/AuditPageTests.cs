using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using OpsConsole.Features.Audit;
using OpsConsole.Features.Audit.Pages;
using OpsConsole.Platform.Audit;
using OpsConsole.Tests.Integration.Audit;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Components.Audit;

[Trait("Category", "Component")]
public class AuditPageTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    // Generous: verifying reads the whole trail, and CI shares two cores with everything else.
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddAuditAgainst(fixture, TimeProvider.System);
        ctx.AddAuthorization().SetAuthorized("viewer@demo.local");
        return ctx;
    }

    [Fact]
    public async Task Verify_tells_the_user_the_chain_holds_then_names_the_altered_event()
    {
        await using var ctx = NewContext();
        var trail = ctx.Services.GetRequiredService<AuditTrail>();
        var ids = new List<long>();
        await using (var db = fixture.CreateContext())
            for (var i = 0; i < 3; i++)
                ids.Add((await trail.AppendAloneAsync(db, new AuditEntry("admin@demo.local", "user.created", "user", $"page{i}@x"))).Id);

        int total;
        await using (var db = fixture.CreateContext())
            total = await db.AuditEvents.CountAsync();

        var cut = ctx.Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Contains("page2@x", cut.Markup), Patience);

        cut.FindAll("button").Single(b => b.TextContent.Contains("Verify chain")).Click();
        cut.WaitForAssertion(() => Assert.Contains($"Chain OK — {total} events verified", cut.Find("[role=status]").TextContent), Patience);
        cut.WaitForAssertion(() => Assert.Contains("audit.verified", cut.Markup), Patience);

        await using (var db = fixture.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
            await db.Database.ExecuteSqlAsync($"UPDATE audit_events SET actor = 'mallory' WHERE id = {ids[1]}");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
        }
        cut.FindAll("button").Single(b => b.TextContent.Contains("Verify chain")).Click();
        cut.WaitForAssertion(() => Assert.Equal(
            $"Chain broken at event #{ids[1]}: hash does not match the event's content (the row was altered)",
            cut.Find("[role=alert]").TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task Filters_narrow_the_table_and_travel_with_the_export_link()
    {
        await using var ctx = NewContext();
        var trail = ctx.Services.GetRequiredService<AuditTrail>();
        await using (var db = fixture.CreateContext())
        {
            await trail.AppendAloneAsync(db, new AuditEntry("alice@filter.x", "doc.signed", "doc", "d-alice"));
            await trail.AppendAloneAsync(db, new AuditEntry("bob@filter.x", "doc.signed", "doc", "d-bob"));
        }
        var cut = ctx.Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Contains("d-bob", cut.Markup), Patience);

        Input(cut, "Actor").Change("alice@filter.x");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.DoesNotContain("d-bob", cut.Markup), Patience);
        Assert.Contains("doc/d-alice", cut.Markup);
        Assert.Equal("/audit/export.csv?actor=alice@filter.x", cut.FindAll("a").Single(a => a.TextContent.Contains("Export CSV")).GetAttribute("href"));
    }

    // MudTextField ties its label to its input by id.
    static AngleSharp.Dom.IElement Input(IRenderedComponent<AuditPage> cut, string label) =>
        cut.Find("#" + cut.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for"));
}

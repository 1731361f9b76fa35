using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Alerts.Pages;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;

namespace OpsConsole.Tests.Components.Alerts;

/// <summary>The /alerts page on its own database with the real alert services: respond from a row, read the why, follow
/// live changes.</summary>
[Trait("Category", "Component")]
public class AlertsPageTests : DatabaseShellContext
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    FakeTimeProvider Clock { get; } = new(AlertViews.Now);

    public AlertsPageTests()
    {
        var config = new ConfigurationBuilder().Build();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddNotifications(config).AddApprovals(config).AddPeopleDirectory().AddAlerts(config);
    }

    async Task<ActiveAlert> SeedAsync(string pair)
    {
        var observed = Clock.GetUtcNow() - TimeSpan.FromMinutes(7);
        var condition = new ReferencePriceStale(TimeSpan.FromMinutes(5))
            .Evaluate([new PriceFact(pair, "kraken", 1m, observed, observed)], Clock.GetUtcNow()).Single();
        var alert = ActiveAlert.Raise(condition, Guid.CreateVersion7(), Clock.GetUtcNow());
        await using var db = new OpsDbContext(Options());
        db.ActiveAlerts.Add(alert);
        db.AlertEvents.Add(AlertEvent.Raised(alert));
        await db.SaveChangesAsync();
        return alert;
    }

    DbContextOptions<OpsDbContext> Options()
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, ConnectionString);
        return options.Options;
    }

    static IReadOnlyList<AngleSharp.Dom.IElement> ActiveRows(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page) =>
        [.. page.FindAll("[data-testid=active-alerts] tbody tr").Where(r => r.QuerySelector("[data-testid=alert-code]") is not null)];

    [Fact]
    public async Task An_operator_acknowledges_an_alert_with_a_note_from_its_row()
    {
        await SeedAsync("BTC/EUR");
        SignIn("operator@demo.local", "Olga Operator", Roles.Operator);
        var page = RenderInShell<AlertsPage>();
        await page.WaitForAssertionAsync(() => Assert.Single(ActiveRows(page)), Patience);
        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("[data-testid=alert-history] [data-testid=history-status]")), Patience);

        page.Find("[data-testid=acknowledge]").Click();
        await page.WaitForAssertionAsync(() => page.Find("textarea[data-testid=acknowledge-note]"), Patience);
        await page.Find("textarea[data-testid=acknowledge-note]").ChangeAsync(new() { Value = "Feed provider paged" });
        await page.Find("[data-testid=acknowledge-confirm]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Equal("Acknowledged",
            Assert.Single(ActiveRows(page)).QuerySelector("[data-testid=alert-state]")!.TextContent.Trim()), Patience);
        Assert.Contains("by operator@demo.local", ActiveRows(page)[0].TextContent);
        Assert.Contains("Feed provider paged", ActiveRows(page)[0].TextContent);
    }

    [Fact]
    public async Task A_viewer_reads_the_why_but_is_offered_no_response_and_a_live_change_reloads_and_is_announced()
    {
        await SeedAsync("ETH/EUR");
        SignIn("viewer@demo.local", "Vic Viewer", Roles.Viewer);
        var page = RenderInShell<AlertsPage>();
        await page.WaitForAssertionAsync(() => Assert.Single(ActiveRows(page)), Patience);

        Assert.Empty(page.FindAll("[data-testid=acknowledge], [data-testid=silence], [data-testid=evaluator-toggle]"));
        // Found and clicked in one turn of the renderer: the history may still arrive and re-render the table in between.
        await page.InvokeAsync(() => ActiveRows(page)[0].QuerySelector("button")!.Click());
        await page.WaitForAssertionAsync(() => Assert.Contains("prices go stale after 5 m", page.Find("[data-testid=why-reason]").TextContent), Patience);

        await SeedAsync("SOL/EUR");
        await ((LiveFeed)Services.GetRequiredService<ILiveFeed>()).PublishAsync(new LiveChange(LiveTopics.Alerts, LiveChange.Created, "x"));

        await page.WaitForAssertionAsync(() => Assert.Equal(2, ActiveRows(page).Count), Patience);
        Assert.StartsWith("Alerts updated at", page.Find("[data-testid=live-status]").TextContent);
    }
}

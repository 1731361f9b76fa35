using Bunit;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Alerts.Pages;

namespace OpsConsole.Tests.Components.Alerts;

/// <summary>A row of the active alerts: severity by word and icon, what and where, when, what people did, and the
/// responses offered only to those who may respond.</summary>
[Trait("Category", "Component")]
public class ActiveAlertsTableTests : ShellContext
{
    static AngleSharp.Dom.IElement Row(IRenderedComponent<ActiveAlertsTable> table) =>
        Assert.Single(table.FindAll("[data-testid=active-alerts] tbody tr"));

    [Fact]
    public void A_row_shows_severity_by_word_and_icon_the_alert_its_scope_and_when_it_was_raised()
    {
        var table = Render<ActiveAlertsTable>(p => p.Add(x => x.Items, [AlertViews.StalePrice()]));

        var row = Row(table);
        var severity = row.QuerySelector("[data-testid=severity]")!;
        Assert.Equal("Critical", severity.TextContent.Trim());
        Assert.NotNull(severity.QuerySelector("svg"));
        Assert.Equal("reference_price_stale", row.QuerySelector("[data-testid=alert-code]")!.TextContent.Trim());
        Assert.Equal("market · BTC/EUR", row.QuerySelector("[data-testid=alert-scope]")!.TextContent.Trim());
        Assert.Equal("2026-11-02 09:30:00", row.QuerySelector("[data-testid=alert-raised]")!.TextContent.Trim());
        Assert.Equal("Open", row.QuerySelector("[data-testid=alert-state]")!.TextContent.Trim());
    }

    [Fact]
    public void An_acknowledged_alert_says_who_and_when_and_offers_no_second_acknowledgement()
    {
        var table = Render<ActiveAlertsTable>(p => p
            .Add(x => x.Items, [AlertViews.StalePrice(acknowledgedAt: AlertViews.Now.AddMinutes(2))])
            .Add(x => x.CanRespond, true));

        var row = Row(table);
        Assert.Equal("Acknowledged", row.QuerySelector("[data-testid=alert-state]")!.TextContent.Trim());
        Assert.Contains("by operator@demo.local, 2026-11-02 09:32:00 UTC: Feed provider paged", row.TextContent);
        Assert.Empty(row.QuerySelectorAll("[data-testid=acknowledge]"));
        Assert.NotNull(row.QuerySelector("[data-testid=silence]"));
    }

    [Fact]
    public void A_responder_acknowledges_from_the_row_and_a_reader_sees_only_why()
    {
        AlertView? asked = null;
        var alert = AlertViews.StalePrice();
        var responder = Render<ActiveAlertsTable>(p => p.Add(x => x.Items, [alert]).Add(x => x.CanRespond, true)
            .Add(x => x.Acknowledge, (AlertView a) => asked = a));
        var reader = Render<ActiveAlertsTable>(p => p.Add(x => x.Items, [alert]));

        Row(responder).QuerySelector("[data-testid=acknowledge]")!.Click();

        Assert.Same(alert, asked);
        Assert.Equal(["Why"], Row(reader).QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
        Assert.Equal("Acknowledge reference_price_stale for BTC/EUR", Row(responder).QuerySelector("[data-testid=acknowledge]")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void A_silenced_alert_says_until_when()
    {
        var table = Render<ActiveAlertsTable>(p => p.Add(x => x.Items, [AlertViews.StalePrice(silencedUntil: AlertViews.Now.AddHours(1))]));

        Assert.Equal("Silenced", Row(table).QuerySelector("[data-testid=alert-state]")!.TextContent.Trim());
        Assert.Contains("until 2026-11-02 10:30:00 UTC", Row(table).TextContent);
    }
}

using Bunit;
using OpsConsole.Features.Alerts.Pages;

namespace OpsConsole.Tests.Components.Alerts;

/// <summary>The "why" panel says which rule fired, over which window, when it looked and every fact it read, in the
/// forms people read: moments in UTC, spans short, numbers in full.</summary>
[Trait("Category", "Component")]
public class AlertWhyPanelTests : ShellContext
{
    [Fact]
    public void Shows_the_rule_its_window_the_evaluation_time_and_each_fact_read()
    {
        var panel = Render<AlertWhyPanel>(p => p.Add(x => x.Alert, AlertViews.StalePrice()));

        Assert.Equal("The newest BTC/EUR price is 7 m old; prices go stale after 5 m.", panel.Find("[data-testid=why-reason]").TextContent);
        var rule = panel.Find("[data-testid=why-rule]").TextContent;
        Assert.Contains("reference_price_stale", rule);
        Assert.Contains("The newest reference price of each pair must be younger than the window.", rule);
        Assert.Equal("5 m", panel.Find("[data-testid=why-window]").TextContent);
        Assert.Contains("2026-11-02 09:30:00 UTC", rule);
        Assert.Contains("Critical", rule);
        var facts = panel.FindAll("[data-testid=why-facts] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("2026-11-02 09:23:00 UTC", facts["newest observed at"]);
        Assert.Equal("7 m", facts["age"]);
        Assert.Equal("61000.25", facts["price"]);
        Assert.Equal("kraken", facts["source"]);
        Assert.Equal("2026-11-02 09:23:02 UTC", facts["received at"]);
    }

    [Fact]
    public void A_rule_without_a_window_says_it_fires_on_an_event()
    {
        var stale = AlertViews.StalePrice();
        var alert = stale with { Details = stale.Details with { Window = null } };

        var panel = Render<AlertWhyPanel>(p => p.Add(x => x.Alert, alert));

        Assert.Equal("none: it fires on an event", panel.Find("[data-testid=why-window]").TextContent);
    }
}

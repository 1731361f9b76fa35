using Bunit;
using OpsConsole.Features.Wall.Pages;
using OpsConsole.Tests.Components.Alerts;

namespace OpsConsole.Tests.Components.Wall;

/// <summary>A wall tile reads from across a room: severity by word and icon as well as colour, what, where, why and how
/// long ago; a cleared tile says so on its way out.</summary>
[Trait("Category", "Component")]
public class WallTileTests : ShellContext
{
    [Fact]
    public void A_tile_shows_severity_by_word_and_icon_what_where_why_and_how_long_ago_it_was_raised()
    {
        var alert = AlertViews.StalePrice();

        var tile = Render<WallTile>(p => p.Add(x => x.Alert, alert).Add(x => x.Now, AlertViews.Now.AddMinutes(3).AddSeconds(20)));

        var article = tile.Find("[data-testid=wall-tile]");
        Assert.Contains("wall-tile-critical", article.ClassList);
        Assert.Equal("CRITICAL", tile.Find("[data-testid=wall-tile-severity]").TextContent.Trim());
        Assert.NotNull(tile.Find(".wall-tile-severity svg"));
        Assert.Equal("Reference price stale", tile.Find("h4").TextContent.Trim());
        Assert.Equal("BTC/EUR", tile.Find("[data-testid=wall-tile-scope]").TextContent.Trim());
        Assert.Equal(alert.Reason, tile.Find(".wall-tile-reason").TextContent.Trim());
        Assert.Equal("raised 3 m ago (09:30:00 UTC)", Squeezed(tile.Find("[data-testid=wall-tile-age]").TextContent));
        Assert.Equal("Critical: Reference price stale for BTC/EUR", article.GetAttribute("aria-label"));
    }

    [Fact]
    public void A_tile_under_a_minute_old_counts_seconds_and_says_when_it_was_acknowledged_or_silenced()
    {
        var alert = AlertViews.StalePrice(acknowledgedAt: AlertViews.Now.AddSeconds(5), silencedUntil: AlertViews.Now.AddHours(1));

        var tile = Render<WallTile>(p => p.Add(x => x.Alert, alert).Add(x => x.Now, AlertViews.Now.AddSeconds(12)));

        Assert.StartsWith("raised 12 s ago", Squeezed(tile.Find("[data-testid=wall-tile-age]").TextContent));
        Assert.Equal(["Acknowledged 7 s ago", "Silenced until 10:30:00 UTC"], tile.FindAll(".wall-tile-note").Select(n => Squeezed(n.TextContent)));
    }

    [Fact]
    public void A_cleared_tile_says_Cleared_and_fades_out()
    {
        var tile = Render<WallTile>(p => p.Add(x => x.Alert, AlertViews.StalePrice()).Add(x => x.Now, AlertViews.Now).Add(x => x.Leaving, true));

        var article = tile.Find("[data-testid=wall-tile]");
        Assert.Contains("wall-tile-leaving", article.ClassList);
        Assert.Contains("Cleared", tile.Find(".wall-tile-severity").TextContent);
        Assert.Equal("Critical, cleared: Reference price stale for BTC/EUR", article.GetAttribute("aria-label"));
    }

    static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

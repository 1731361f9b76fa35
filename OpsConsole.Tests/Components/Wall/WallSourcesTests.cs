using Bunit;
using OpsConsole.Components.Shared;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Funding.Pipeline;
using OpsConsole.Features.Wall;
using OpsConsole.Features.Wall.Pages;
using OpsConsole.Tests.Components.Alerts;

namespace OpsConsole.Tests.Components.Wall;

/// <summary>The wall and each source say how fresh they are; a silent evaluator or feed is called silent, so an empty
/// wall is an all-clear only when everything behind it is heard from.</summary>
[Trait("Category", "Component")]
public class WallSourcesTests : ShellContext
{
    static readonly DateTimeOffset Now = AlertViews.Now;

    static WallSnapshot Snapshot(DateTimeOffset? evaluated, DateTimeOffset? pricesHeard, bool listening = true, DateTimeOffset? readFailed = null) =>
        new(Now.AddSeconds(-12),
            new AlertOverview(Now.AddSeconds(-12), [], new AlertEvaluatorView(false, null, null), evaluated, TimeSpan.FromSeconds(30),
            [
                new AlertFeedView("Reference prices", pricesHeard, TimeSpan.FromMinutes(5)),
                new AlertFeedView("Trade executor", null, null),
            ]),
            PendingApprovals.None, [], FundingPipeline.None, listening, readFailed);

    IRenderedComponent<WallSourceList> RenderSources(WallSnapshot snapshot) =>
        Render<WallSourceList>(p => p.Add(x => x.Sources, WallSources.Of(snapshot, Now)));

    static string Text(AngleSharp.Dom.IElement source) =>
        string.Join(' ', source.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Each_source_says_in_a_word_and_an_icon_how_fresh_it_is()
    {
        var list = RenderSources(Snapshot(evaluated: Now.AddSeconds(-4), pricesHeard: Now.AddSeconds(-40)));

        var sources = list.FindAll("[data-testid=wall-source]");
        Assert.Equal(
        [
            "Wall Current as of 12 s ago",
            "Live updates Listening changes arrive as they are committed",
            "Evaluator Running evaluated 4 s ago",
            "Reference prices Fresh heard 40 s ago",
            "Trade executor Quiet nothing received yet",
        ], sources.Select(Text));
        Assert.All(sources, s => Assert.NotNull(s.QuerySelector("svg")));
        Assert.Contains("wall-tone-good", sources[0].ClassList);
    }

    [Fact]
    public void A_silent_evaluator_and_a_silent_feed_are_called_silent_and_the_empty_wall_is_no_all_clear()
    {
        var sources = WallSources.Of(Snapshot(evaluated: Now.AddMinutes(-3), pricesHeard: Now.AddMinutes(-7)), Now);

        var list = Render<WallSourceList>(p => p.Add(x => x.Sources, sources));
        var (verdict, tone) = WallSources.Verdict(sources);

        Assert.Equal("Evaluator Silent last evaluated 3 m ago", Text(list.Find("[data-source=Evaluator]")));
        Assert.Equal("Reference prices Silent last heard 7 m ago", Text(list.Find("[data-source='Reference prices']")));
        Assert.Contains("wall-tone-bad", list.Find("[data-source=Evaluator]").ClassList);
        Assert.Equal(StatusTone.Attention, tone);
        Assert.Equal("No alert is raised, but this is not an all-clear: Evaluator silent; Reference prices silent.", verdict);
    }

    [Fact]
    public void Only_when_every_source_is_heard_from_is_an_empty_wall_an_all_clear()
    {
        var (verdict, tone) = WallSources.Verdict(WallSources.Of(Snapshot(Now.AddSeconds(-4), Now.AddSeconds(-20)), Now));

        Assert.Equal(StatusTone.Good, tone);
        Assert.Equal("All clear: no alert is raised, and every source is fresh.", verdict);
    }

    [Fact]
    public void A_wall_that_cannot_read_the_database_or_hear_changes_says_since_when()
    {
        var list = RenderSources(Snapshot(Now.AddSeconds(-4), Now.AddSeconds(-20), listening: false, readFailed: Now.AddSeconds(-8)));

        Assert.Equal("Wall Out of date database unreachable since 8 s ago; showing the state as of 12 s ago", Text(list.Find("[data-source=Wall]")));
        Assert.Equal("Live updates Reconnecting the page re-reads every 5 s meanwhile", Text(list.Find("[data-source='Live updates']")));
    }
}

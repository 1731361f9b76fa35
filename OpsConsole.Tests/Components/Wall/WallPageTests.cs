using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Funding.Pipeline;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Wall;
using OpsConsole.Features.Wall.Pages;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Components.Alerts;
using static OpsConsole.Domain.Funding.FundingObservationStatus;

namespace OpsConsole.Tests.Components.Wall;

/// <summary>The wall page on the real board, over the sources' readers as fakes: raises and clears arrive without a
/// reload, a cleared tile fades and goes, a reconnect re-reads, and neither an empty nor an unreadable wall passes for an
/// all-clear.</summary>
[Trait("Category", "Component")]
public class WallPageTests : ShellContext
{
    readonly FakeTimeProvider clock = new(AlertViews.Now);
    readonly FakeAlertOverview alerts;
    readonly FakeFundingPipeline funding = new();

    public WallPageTests()
    {
        alerts = new FakeAlertOverview(clock) { LastEvaluatedAt = AlertViews.Now };
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddSingleton<IAlertOverview>(alerts);
        Services.AddSingleton<IApprovalStages>(new FakeApprovalStages());
        Services.AddSingleton<IFundingPipeline>(funding);
        Services.AddSingleton<ILiveLink>(new FakeLiveLink());
        Services.AddSingleton<WallBoard>();
        Services.AddScoped<WallCircuit>();
    }

    WallBoard Board => Services.GetRequiredService<WallBoard>();

    static AlertView Warning(string scope) => AlertViews.StalePrice() with { AlertEventId = Guid.NewGuid(), Severity = "Warning", ScopeKey = scope };

    static IEnumerable<string> Scopes(IRenderedComponent<WallPage> page) =>
        page.FindAll("[data-testid=wall-tile]").Select(t => t.GetAttribute("data-scope")!);

    [Fact]
    public async Task A_raise_and_a_clear_reach_the_open_wall_and_the_cleared_tile_fades_then_goes()
    {
        var price = AlertViews.StalePrice();
        alerts.Active = [price];
        var page = Render<WallPage>();
        page.WaitForAssertion(() => Assert.Equal(["BTC/EUR"], Scopes(page)));

        var inventory = Warning("treasury · EURE");
        alerts.Active = [price, inventory];
        await Board.RefreshAsync();
        page.WaitForAssertion(() => Assert.Equal(["BTC/EUR", "treasury · EURE"], Scopes(page)));
        Assert.Equal(["Critical: 1", "Warning: 1"], page.FindAll("h3").Select(h => h.TextContent.Trim()));
        Assert.Equal("1 alert raised, 0 cleared at 09:30:00 UTC.", page.Find("[data-testid=live-status]").TextContent);

        alerts.Active = [inventory];
        await Board.RefreshAsync();
        page.WaitForAssertion(() => Assert.Contains("wall-tile-leaving", page.Find($"[data-alert-id='{price.AlertEventId}']").ClassList));
        Assert.Equal("Active alerts: 1", page.Find("#wall-alerts-heading").TextContent);

        clock.Advance(WallPage.FadeFor + TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Equal(["treasury · EURE"], Scopes(page)));
    }

    [Fact]
    public async Task The_funding_pipeline_shows_each_assets_stages_in_order_and_a_paused_observer_and_follows_a_new_read()
    {
        var page = Render<WallPage>();
        page.WaitForAssertion(() => Assert.Contains("No funding handle is active", page.Find("[data-testid=wall-funding]").TextContent));

        funding.Pipeline = new FundingPipeline(
            [new FundingAssetPipeline("BTC", new(SeenInMempool, 1, 0.5m), new(Confirming, 0, 0m), new(Confirmed, 1, 0.125m), new(Credited, 2, 1.25m))],
            ObserverPaused: true);
        await Board.RefreshAsync(WallParts.Funding);

        page.WaitForAssertion(() => Assert.Equal(["Seen", "Confirming", "Confirmed", "Credited, 24 h"],
            page.FindAll("[data-testid=wall-funding] [data-asset=BTC] dt").Select(d => d.TextContent.Trim())));
        Assert.Equal(["1", "0.125 BTC"], page.Find("[data-testid=wall-funding] [data-stage=confirmed]").QuerySelectorAll("dd").Select(d => d.TextContent.Trim()));
        Assert.Equal(["2", "1.25 BTC"], page.Find("[data-testid=wall-funding] [data-stage=credited]").QuerySelectorAll("dd").Select(d => d.TextContent.Trim()));
        Assert.Contains("Observer paused", page.Find("[data-testid=wall-funding-paused]").TextContent);
    }

    [Fact]
    public async Task A_change_on_the_funding_topic_reads_the_pipeline_again()
    {
        // The app's own policies decide whether the board, as a wall display, may follow the funding topic.
        SignIn("viewer@demo.local", "Vic Viewer", Roles.Viewer);
        var page = Render<WallPage>();
        page.WaitForAssertion(() => Assert.Contains("No funding handle is active", page.Find("[data-testid=wall-funding]").TextContent));
        // The board follows its topics from its start, as the host starts it.
        await Board.StartAsync(CancellationToken.None);
        Assert.All(await Board.FollowingAsync(), Assert.True);
        funding.Pipeline = new FundingPipeline(
            [new FundingAssetPipeline("BTC", new(SeenInMempool, 1, 0.5m), new(Confirming, 0, 0m), new(Confirmed, 0, 0m), new(Credited, 0, 0m))], false);

        await Services.GetRequiredService<LiveFeed>().PublishAsync(new LiveChange(LiveTopics.Funding, LiveChange.Changed, "tx"));

        page.WaitForAssertion(() => Assert.Equal(["1", "0.5 BTC"],
            page.Find("[data-testid=wall-funding] [data-stage=seen_in_mempool]").QuerySelectorAll("dd").Select(d => d.TextContent.Trim())));
    }

    [Fact]
    public async Task After_a_reconnect_the_wall_reads_the_state_afresh_instead_of_trusting_what_it_heard_before()
    {
        var page = Render<WallPage>();
        page.WaitForAssertion(() => Assert.Empty(Scopes(page)));
        var circuit = Services.GetRequiredService<WallCircuit>();
        await circuit.OnConnectionUpAsync(null!, CancellationToken.None);

        // Raised while the link was down: no live change told the wall.
        alerts.Active = [AlertViews.StalePrice()];
        await circuit.OnConnectionUpAsync(null!, CancellationToken.None);

        page.WaitForAssertion(() => Assert.Equal(["BTC/EUR"], Scopes(page)));
    }

    [Fact]
    public void An_empty_wall_whose_evaluator_went_silent_says_it_is_no_all_clear()
    {
        alerts.LastEvaluatedAt = AlertViews.Now.AddMinutes(-5);

        var page = Render<WallPage>();

        var verdict = page.Find("[data-testid=wall-verdict]");
        Assert.Contains("not an all-clear: Evaluator silent", verdict.TextContent);
        Assert.Contains("wall-tone-attention", verdict.ClassList);
    }

    [Fact]
    public async Task When_the_database_cannot_be_read_the_wall_keeps_its_tiles_and_says_it_is_out_of_date()
    {
        alerts.Active = [AlertViews.StalePrice()];
        DeadLetterCount.BySource = [new DeadLetterSourceCount("dispatcher", 2, AlertViews.Now.AddMinutes(-10))];
        var page = Render<WallPage>();
        page.WaitForAssertion(() => Assert.Single(Scopes(page)));

        alerts.Fail = true;
        clock.Advance(TimeSpan.FromSeconds(3));
        await Board.RefreshAsync();

        page.WaitForAssertion(() => Assert.Contains("Out of date", page.Find("[data-source=Wall]").TextContent));
        Assert.Equal(["BTC/EUR"], Scopes(page));
        Assert.Contains("Dead letters unresolved: 2", page.Find("[data-testid=wall-dead-letters]").TextContent);
    }
}

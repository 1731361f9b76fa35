using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Funding.Pipeline;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Features.Overview;
using OpsConsole.Features.Overview.Pages;
using OpsConsole.Features.SystemStatus;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Components.Alerts;
using OpsConsole.Tests.Components.Wall;
using static OpsConsole.Domain.Funding.FundingObservationStatus;

namespace OpsConsole.Tests.Components.Overview;

/// <summary>The overview shows each part only to the roles that may read it on its own page, the alerts by severity
/// with their sources' freshness, the stages, the charts' figures as text and tables, and the health of jobs and links.</summary>
[Trait("Category", "Component")]
public class OverviewPageTests : ShellContext
{
    static readonly DateTimeOffset Now = AlertViews.Now;
    static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    public OverviewPageTests()
    {
        var clock = new FakeTimeProvider(Now);
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddSingleton<IAlertOverview>(new FakeAlertOverview(clock) { Active = [AlertViews.StalePrice()], LastEvaluatedAt = Now.AddSeconds(-6) });
        Services.AddSingleton<IApprovalStages>(new FakeApprovalStages
        {
            Pending = new PendingApprovals(new Dictionary<SlaStage, int> { [SlaStage.New] = 3, [SlaStage.Reminded] = 1, [SlaStage.Escalated] = 2, [SlaStage.EscalatedFinal] = 1 },
                1, [new NextSlaStep(Guid.NewGuid(), "Mint 6,300 EURE payroll float", "treasury", 2, SlaStep.Expire, Now.AddMinutes(14))]),
            Outcomes = [.. Enumerable.Range(0, OverviewReader.Days).Select(i => new ApprovalDay(Today.AddDays(i + 1 - OverviewReader.Days), i % 3, i % 2, i == 13 ? 1 : 0))],
        });
        Services.AddSingleton<IDeadLetterTrend>(new FakeDeadLetterTrend { Days = [new DeadLetterDay(Today, "dispatcher", 3), new DeadLetterDay(Today.AddDays(-9), "dispatcher", 1)] });
        Services.AddSingleton<IJobList>(new FakeJobList
        {
            Jobs = [new JobView("AlertEvaluation", "Evaluates", "every 00:00:10", null, null, false, null,
                new JobRunCurrent { JobKey = "AlertEvaluation", LastStartedAt = Now.AddSeconds(-4), LastFinishedAt = Now.AddSeconds(-4), LastOutcome = JobRunOutcome.Failed, LastError = "boom" })],
        });
        Services.AddSingleton<IChannelHealth>(new FakeChannelHealth { Channels = [new ChannelHealthView("Webhook", true, Now.AddMinutes(-2), 0, 2, Now.AddMinutes(-1))] });
        Services.AddSingleton<ILiveLink>(new FakeLiveLink());
        Services.AddSingleton<IFundingPipeline>(new FakeFundingPipeline
        {
            Pipeline = new FundingPipeline(
                [new FundingAssetPipeline("BTC", new(SeenInMempool, 1, 0.5m), new(Confirming, 2, 0.3m), new(Confirmed, 1, 0.125m), new(Credited, 3, 2m))],
                ObserverPaused: false),
        });
        Services.AddScoped<OverviewReader>();
        DeadLetterCount.BySource = [new DeadLetterSourceCount("dispatcher", 4, Now.AddDays(-2))];
    }

    IRenderedComponent<OverviewPage> Open()
    {
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=overview-as-of]"));
        return page;
    }

    [Fact]
    public void An_operator_sees_alerts_and_approvals_but_neither_dead_letters_nor_the_system_health()
    {
        SignIn("operator@demo.local", "Olivia Operator", Roles.Operator);

        var page = Open();

        Assert.NotEmpty(page.FindAll("[data-testid=overview-alerts]"));
        Assert.NotEmpty(page.FindAll("[data-testid=overview-approvals]"));
        Assert.NotEmpty(page.FindAll("[data-testid=overview-decisions]"));
        Assert.Empty(page.FindAll("[data-testid=overview-dead-letters]"));
        Assert.Empty(page.FindAll("[data-testid=overview-health]"));
    }

    [Fact]
    public void A_viewer_sees_every_part_with_alerts_by_severity_and_the_freshness_of_their_sources()
    {
        SignIn("viewer@demo.local", "Vic Viewer", Roles.Viewer);

        var page = Open();

        Assert.Equal("1", page.Find("[data-severity=Critical]").TextContent.Trim());
        Assert.Equal("0", page.Find("[data-severity=Warning]").TextContent.Trim());
        Assert.Contains("evaluated 6 s ago", page.Find("[data-testid=overview-sources] [data-source=Evaluator]").TextContent);
        Assert.Equal("3", page.Find("[data-testid=overview-stages] [data-stage=New] td").TextContent.Trim());
        Assert.Contains("1 overdue for a step", page.Find("[data-testid=overview-overdue]").TextContent);
        Assert.Contains("in 14 m", page.Find("[data-testid=overview-next-steps]").TextContent);
        var source = page.Find("[data-testid=overview-dead-letter-sources] [data-source=dispatcher]");
        Assert.Equal(["4", "3", "1", "Rising"], source.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Contains("Failed", page.Find("[data-testid=overview-jobs] [data-job=AlertEvaluation]").TextContent);
        Assert.Contains("2 failed in 24 h", page.Find("[data-testid=overview-links] [data-link=Webhook]").TextContent);
    }

    [Fact]
    public void Each_chart_is_hidden_from_screen_readers_and_says_its_figures_in_words_and_a_table()
    {
        SignIn("viewer@demo.local", "Vic Viewer", Roles.Viewer);

        var page = Open();

        Assert.All(page.FindAll(".mud-chart"), chart => Assert.NotNull(chart.Closest("[aria-hidden=true]")));
        Assert.Equal(2, page.FindAll("div[aria-hidden=true]").Count(d => d.QuerySelector(".mud-chart") is not null));
        Assert.Contains("In the last 14 days (UTC): 13 approved, 7 rejected and 1 expired without a decision; today 1 approved, 1 rejected, 1 expired.",
            string.Join(' ', page.Find("[data-testid=overview-decisions-summary]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(14, page.FindAll("[data-testid=overview-decisions-table] tbody tr").Count);
        Assert.Equal(14, page.FindAll("[data-testid=overview-dead-letter-days] tbody tr").Count);
    }

    [Fact]
    public void Everyone_who_reads_funding_sees_the_pipeline_by_stage_with_what_is_not_yet_credited()
    {
        SignIn("remediator@demo.local", "Remy Remediator", Roles.Remediator);

        var page = Open();

        var btc = page.FindAll("[data-testid=overview-funding-stages] td[data-asset=BTC]");
        Assert.Equal(["1 · 0.5 BTC", "2 · 0.3 BTC", "1 · 0.125 BTC", "3 · 2 BTC", "0.925 BTC"], btc.Select(td => td.TextContent.Trim()));
        Assert.Equal(["Seen", "Confirming", "Confirmed", "Credited, 24 h", "Not yet credited"],
            page.FindAll("[data-testid=overview-funding-stages] tbody th").Select(th => th.TextContent.Trim()));
        Assert.Equal(["Stage", "BTC"], page.FindAll("[data-testid=overview-funding-stages] thead th").Select(th => th.TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=overview-funding-paused]"));
    }
}

using Bunit;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.DeadLetters.Pages;
using OpsConsole.Features.Identity;
using OpsConsole.Tests.Integration.DeadLetters;

namespace OpsConsole.Tests.Components.DeadLetters;

[Trait("Category", "Component")]
public class DeadLettersPageTests : DeadLetterPagesContext
{
    async Task SeedAsync()
    {
        var at = Clock.GetUtcNow();
        await DeadLetterSeed.InsertAsync(ConnectionString, 3, at, fingerprint: "group-a", prefix: "a");
        await DeadLetterSeed.InsertAsync(ConnectionString, 1, at, fingerprint: "group-b", prefix: "b", operation: "webhook.deliver");
        await DeadLetterSeed.InsertAsync(ConnectionString, 2, at, DeadLetterStatus.Resolved, "group-a", "done", at);
    }

    [Fact]
    public async Task Lists_unresolved_by_default_and_filters_by_operation()
    {
        await SeedAsync();
        SignIn("viewer@demo.local", "Vic Viewer", Roles.Viewer);

        var page = Render<DeadLettersPage>();
        await page.WaitForAssertionAsync(() => Assert.Equal(4, Rows(page).Count), Patience);
        Assert.All(Rows(page), r => Assert.Contains("Unresolved", r.TextContent));

        await page.FindAll("[data-testid=filters] input").First(i => i.ParentElement?.ParentElement?.TextContent.Contains("Operation") == true
            || i.GetAttribute("aria-label") == "Operation").ChangeAsync(new() { Value = "webhook.deliver" });

        await page.WaitForAssertionAsync(() => Assert.Equal("webhook.deliver", Assert.Single(Rows(page)).QuerySelectorAll("td")[3].TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task Grouped_view_counts_each_fingerprint()
    {
        await SeedAsync();
        SignIn("remediator@demo.local", "Rae Remediator", Roles.Remediator);

        var page = Render<DeadLettersPage>();
        await page.WaitForAssertionAsync(() => Assert.Equal(4, Rows(page).Count), Patience);
        await page.Find("[data-testid=filters] input[type=checkbox]").ChangeAsync(new() { Value = true });

        await page.WaitForAssertionAsync(() => Assert.Equal(["3", "1"],
            page.FindAll("[data-testid=group-count]").Select(c => c.TextContent.Trim())), Patience);
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Retry");
    }

    [Fact]
    public async Task Each_row_and_group_shows_how_often_its_work_failed()
    {
        var at = Clock.GetUtcNow();
        await DeadLetterSeed.InsertAsync(ConnectionString, 1, at, fingerprint: "flaky", prefix: "flaky", occurrences: 37);
        await DeadLetterSeed.InsertAsync(ConnectionString, 2, at, fingerprint: "flaky", prefix: "flaky-more", occurrences: 2);
        await DeadLetterSeed.InsertAsync(ConnectionString, 1, at, fingerprint: "once", prefix: "once", operation: "webhook.deliver");
        SignIn("viewer@demo.local", "Vic Viewer", Roles.Viewer);

        var page = Render<DeadLettersPage>();
        await page.WaitForAssertionAsync(() => Assert.Equal(4, Rows(page).Count), Patience);
        Assert.Equal("37 times", Occurrences(page, "flaky-1"));
        Assert.Equal("2 times", Occurrences(page, "flaky-more-1"));
        Assert.Equal("once", Occurrences(page, "once-1"));

        await page.Find("[data-testid=filters] input[type=checkbox]").ChangeAsync(new() { Value = true });

        await page.WaitForAssertionAsync(() => Assert.Equal(["3", "1"],
            page.FindAll("[data-testid=group-count]").Select(c => c.TextContent.Trim())), Patience);
        Assert.Equal(["41", "1"], page.FindAll("[data-testid=group-occurrences]").Select(c => c.TextContent.Trim()));
    }

    static string Occurrences(IRenderedComponent<DeadLettersPage> page, string aggregateId) =>
        Rows(page).Single(r => r.QuerySelectorAll("td")[4].TextContent.Trim() == $"{DeadLetterSeed.AggregateType}/{aggregateId}")
            .QuerySelector("[data-testid=occurrences]")!.TextContent.Trim();

    static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<DeadLettersPage> page) =>
        [.. page.FindAll("[data-testid=dead-letters] tbody tr").Where(r => r.QuerySelectorAll("td").Length > 3)];
}

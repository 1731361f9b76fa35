using Microsoft.Playwright;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;

namespace OpsConsole.E2E.Accessibility;

/// <summary>
/// Every routable page, for every role that may open it (and the pages a visitor who is not signed in reaches), has no
/// serious or critical WCAG 2.0/2.1 A or AA violation by axe-core. The pages come from the app's route table; a route with
/// a parameter is opened through the first link to it on its parent list page, as an Admin.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class AccessibilityTests(ConsoleApp app, Chromium chromium)
{
    public static TheoryData<string> Visitors => new([.. DemoUser.All.Select(u => u.Email), RoutePaths.Anonymous, RoutePaths.WallDisplay]);

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Every_page_the_visitor_may_open_passes_axe(string visitor)
    {
        var found = new List<string>();

        var visited = await RoutePaths.VisitEachAsync(app, chromium, visitor, "axe",
            async (page, where) => found.AddRange(await AxeAudit.SeriousViolationsAsync(page, where)));

        await File.WriteAllLinesAsync(Artifacts.PathFor($"axe-{visitor}.txt"), found);
        Assert.True(found.Count == 0, $"{found.Count} serious or critical violations:\n{string.Join("\n", found)}");
        Assert.NotEmpty(visited);
    }
}

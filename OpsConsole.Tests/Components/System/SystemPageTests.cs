using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using OpsConsole.Features.Identity;
using OpsConsole.Features.SystemStatus;
using OpsConsole.Platform.Jobs;
using OpsConsole.Tests.Integration.Jobs;
using OpsConsole.Tests.Integration.Support;

// Not ...Components.System: that would hide the BCL's System namespace here.
namespace OpsConsole.Tests.Components.SystemStatus;

[Trait("Category", "Component")]
public class SystemPageTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    // The page reads a real scheduler and database, which a busy test run can slow past bunit's one-second default.
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_viewer_sees_each_job_and_its_last_run_but_no_actions()
    {
        await using var ctx = new BunitContext();
        await using var node = await StartAsync(ctx, "report", TimeSpan.FromMinutes(15));
        SignIn(ctx, "viewer@demo.local", Roles.Viewer, OpsPolicies.ReadSystem);

        var page = ctx.Render<SystemPage>();

        await page.WaitForAssertionAsync(() => Assert.Contains("report", page.Find("[data-testid=jobs]").TextContent), Patience);
        Assert.Contains("every 00:15:00", page.Markup);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Pause" or "Resume" or "Trigger now");
    }

    [Fact]
    public async Task An_admin_pauses_a_job_from_the_page_and_is_offered_resume()
    {
        await using var ctx = new BunitContext();
        await using var node = await StartAsync(ctx, "digest", TimeSpan.FromHours(1));
        SignIn(ctx, "admin@demo.local", Roles.Admin, OpsPolicies.ReadSystem, OpsPolicies.Admin);

        var page = ctx.Render<SystemPage>();
        await page.WaitForAssertionAsync(() => Assert.Contains(Buttons(page, "digest"), b => b == "Pause"), Patience);
        await page.FindAll("tr").Single(r => r.TextContent.Contains("digest")).QuerySelectorAll("button")
            .Single(b => b.TextContent.Trim() == "Pause").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Equal(["Resume", "Trigger now"], Buttons(page, "digest")), Patience);
        Assert.Contains("Paused by admin@demo.local", page.FindAll("tr").Single(r => r.TextContent.Contains("digest")).TextContent);
    }

    static List<string> Buttons(IRenderedComponent<SystemPage> page, string job) =>
        page.FindAll("tr").Single(r => r.TextContent.Contains(job)).QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ToList();

    async Task<JobNode> StartAsync(BunitContext ctx, string job, TimeSpan interval)
    {
        var node = await JobNode.StartAsync(fixture.ConnectionString, (s, _) => s.AddJob<ProbeJob>(job, interval),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero)));
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(node.Services.CreateScope().ServiceProvider.GetRequiredService<JobControl>());
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return node;
    }

    static void SignIn(BunitContext ctx, string email, string role, params string[] policies)
    {
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(email);
        auth.SetRoles(role);
        auth.SetPolicies(policies);
        auth.SetClaims(new Claim(ClaimTypes.Email, email));
    }
}

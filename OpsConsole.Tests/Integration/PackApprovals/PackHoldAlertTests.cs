using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Alerts;
using OpsConsole.Features.Alerts;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>A policy hold posted by the Task Runner becomes a pack_policy_hold alert at the evaluator's next run, with its
/// context, and clears when the run asks for an approval afterwards.</summary>
[Trait("Category", "Integration")]
public sealed class PackHoldAlertTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Events = "/notifications/pack-approvals";
    readonly AlertsApp app = new(fixture, new Dictionary<string, string?> { ["PackApprovals:Department"] = "treasury" });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    async Task<ActiveAlert?> ActiveAsync(string key)
    {
        await using var db = fixture.CreateContext();
        return await db.ActiveAlerts.AsNoTracking().SingleOrDefaultAsync(a => a.Code == AlertCodes.PackPolicyHold && a.ScopeKey == key);
    }

    [Fact]
    public async Task A_hold_raises_an_alert_that_clears_when_the_run_moves_on()
    {
        var evaluator = app.Host.Services.GetRequiredService<AlertEvaluator>();
        (await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Hold("run-held", app.Clock.GetUtcNow())))).Dispose();
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await evaluator.EvaluateAsync();

        var raised = await ActiveAsync("demo/run-held/change-freeze");
        Assert.NotNull(raised);
        Assert.Contains("change freeze", raised.Reason, StringComparison.OrdinalIgnoreCase);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Requested("run-held", app.Clock.GetUtcNow())))).Dispose();
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await evaluator.EvaluateAsync();

        Assert.Null(await ActiveAsync("demo/run-held/change-freeze"));
    }
}

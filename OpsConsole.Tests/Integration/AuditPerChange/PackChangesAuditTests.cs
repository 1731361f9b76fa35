using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.PackApprovals;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.AuditPerChange;

/// <summary>Each accepted Task Runner event leaves one event on its approval (and the request it opens its own); a repeat
/// or a refused event leaves none.</summary>
[Trait("Category", "Integration")]
public sealed class PackChangesAuditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Path = "/notifications/pack-approvals";
    readonly AlertsApp app = new(fixture, new Dictionary<string, string?> { ["PackApprovals:Department"] = "treasury" });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    [Fact]
    public async Task Requesting_updating_and_holding_leave_one_event_each_and_repeats_and_conflicts_none()
    {
        var requested = PackEventsFor.Requested("run-audit", app.Clock.GetUtcNow());
        (await app.PostEventAsync(PackEventsFor.Json(requested))).Dispose();
        (await app.PostEventAsync(PackEventsFor.Json(requested))).Dispose();
        (await app.PostEventAsync(PackEventsFor.Json(requested with { StepIds = ["other"] }))).Dispose();
        (await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Updated(requested, 2, ["s1"])))).Dispose();
        (await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Updated(requested, 2, ["s1"])))).Dispose();
        (await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Hold("run-audit", app.Clock.GetUtcNow())))).Dispose();
        (await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Hold("run-audit", app.Clock.GetUtcNow())))).Dispose();

        await using var db = fixture.CreateContext();
        var approval = await db.PackApprovals.SingleAsync(p => p.RunId == "run-audit");
        Assert.Equal([PackAuditActions.Requested, PackAuditActions.Updated],
            await AuditCounts.ActionsAsync(fixture.ConnectionString, PackAuditActions.SubjectType, approval.Id.ToString()));
        Assert.Equal([ApprovalAuditActions.Created],
            await AuditCounts.ActionsAsync(fixture.ConnectionString, ApprovalAuditActions.SubjectType, approval.RequestId.ToString()));
        Assert.Equal([PackAuditActions.Held],
            await AuditCounts.ActionsAsync(fixture.ConnectionString, PackAuditActions.HoldSubjectType, "demo/run-audit/change-freeze"));
    }
}

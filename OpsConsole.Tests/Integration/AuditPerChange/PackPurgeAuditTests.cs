using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.PackApprovals;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.AuditPerChange;

/// <summary>A purge of Task Runner records leaves one audit event, and none when there is nothing to purge; on a database
/// of its own, since it moves the clock three months on.</summary>
[Trait("Category", "Integration")]
public sealed class PackPurgeAuditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Path = "/notifications/pack-approvals";
    readonly AlertsApp app = new(fixture, new Dictionary<string, string?> { ["PackApprovals:Department"] = "treasury" });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    [Fact]
    public async Task A_purge_leaves_one_event_and_keeps_the_requests()
    {
        var closed = PackEventsFor.Requested("run-purge-closed", app.Clock.GetUtcNow());
        (await app.PostEventAsync(PackEventsFor.Json(closed))).Dispose();
        (await app.PostEventAsync(PackEventsFor.Json(PackEventsFor.Hold("run-purge-closed", app.Clock.GetUtcNow())))).Dispose();
        var ack = new Contracts.PackApprovals.PackAckRequest
        {
            Decision = "reject",
            Actor = "manager@demo.local",
            Comment = "not now",
            DecisionHash = Contracts.PackApprovals.PackDecisionHash.Compute("demo", closed.RunId, closed.ApprovalId, closed.PlanHash, "reject"),
        };
        (await app.PostAsync($"{Path}/{closed.RunId}/{closed.ApprovalId}/ack", System.Text.Json.JsonSerializer.Serialize(ack, System.Text.Json.JsonSerializerOptions.Web))).Dispose();
        var purge = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PackPurge>(app.Host.Services);

        Assert.Equal(0, await purge.PurgeAsync());
        app.Clock.Advance(TimeSpan.FromDays(91));
        // The approval and the hold, and the event that brought each.
        Assert.Equal(4, await purge.PurgeAsync());
        Assert.Equal(0, await purge.PurgeAsync());

        await using var db = fixture.CreateContext();
        Assert.Equal(0, await db.PackApprovals.CountAsync(p => p.RunId == "run-purge-closed"));
        Assert.Equal(0, await db.PackHolds.CountAsync(h => h.RunId == "run-purge-closed"));
        Assert.Equal(0, await db.AcceptedPackEvents.CountAsync(e => e.RunId == "run-purge-closed"));
        Assert.Equal(1, await db.ApprovalRequests.CountAsync(r => r.Kind == ApprovalKind.PackApproval && r.Title.Contains("run-purge-closed")));
        Assert.Equal([PackAuditActions.Purged], await AuditCounts.ActionsAsync(fixture.ConnectionString, PackAuditActions.SubjectType, "retention"));
    }
}

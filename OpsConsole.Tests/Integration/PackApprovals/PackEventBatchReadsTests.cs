using System.Net;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>
/// A batch of Task Runner events applied in one transaction reads what its events share once: the department, the SLA
/// policy, the routing rules, the people those choose and their quiet hours; and the approvals its events name in one
/// statement. So the batch's reads do not grow with the number of events in it. The app's own processing is held (jobs
/// off), so that each batch holds exactly the events the test sent, and only the batch's own statements are counted (a
/// metrics scrape by another test reads this app's approvals too).
/// </summary>
[Trait("Category", "Integration")]
public sealed class PackEventBatchReadsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    static readonly string[] Shared = ["FROM departments", "FROM sla_policy_overrides", "FROM pack_routing_rules", "FROM \"AspNetUsers\"",
        "FROM user_preferences", "FROM pack_approvals"];

    readonly AlertsApp app = new(fixture, new Dictionary<string, string?>
    {
        ["PackApprovals:Department"] = "treasury",
        ["Jobs:Enabled"] = "false",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    /// <summary>Sends <paramref name="count"/> new approvals, then applies them as one batch; returns how many statements
    /// of each shared read the batch sent, in the order of <see cref="Shared"/>.</summary>
    async Task<int[]> ReadsOfOneBatchAsync(string prefix, int count)
    {
        var runs = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToList();
        foreach (var run in runs)
        {
            using var response = await app.PostAsync(PackEventPosting.Path, PackEventsFor.Json(PackEventsFor.Requested(run, app.Clock.GetUtcNow())));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        using var statements = EfStatements.FromThisFlow(fixture.ConnectionString);
        await app.EventsAppliedAsync();
        await using (var db = fixture.CreateContext())
            Assert.Equal(count, await db.PackApprovals.CountAsync(p => runs.Contains(p.RunId)));
        return [.. Shared.Select(statements.Count)];
    }

    [Fact]
    public async Task A_batch_of_ten_events_sends_the_reads_that_a_batch_of_one_sends()
    {
        var one = await ReadsOfOneBatchAsync("run-single", 1);
        var ten = await ReadsOfOneBatchAsync("run-ten", 10);

        Assert.All(one, reads => Assert.True(reads > 0, "each shared read is made at least once"));
        Assert.Equal(one, ten);
    }
}

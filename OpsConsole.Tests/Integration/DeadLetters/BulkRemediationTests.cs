using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.DeadLetters;

[Trait("Category", "Integration")]
public class BulkRemediationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    RemediationHarness h = null!;

    public Task InitializeAsync()
    {
        h = new RemediationHarness(fixture);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task Bulk_retry_of_a_group_of_1000_resolves_each_on_its_own()
    {
        await h.SeedAsync(1000, fingerprint: "bulk-1000", prefix: "bulk");
        await h.SeedAsync(3, fingerprint: "other", prefix: "other");
        var result = await h.Remediation.ApplyToGroupAsync(RemediationHarness.Remediator(), "bulk-1000", RemediationAction.StartRetry, null);

        Assert.Equal(new BulkRemediationResult(1000, 0, 0, 0), result);
        Assert.Equal(1000, h.Script.Calls);
        var open = await h.Query.GroupsAsync(DeadLetterFilter.Unresolved);
        Assert.Equal(("other", 3), (Assert.Single(open).Fingerprint, open[0].Count));
    }

    [Fact]
    public async Task Bulk_retry_counts_resolved_still_failing_and_skipped()
    {
        var ids = await h.SeedAsync(4, fingerprint: "mixed", prefix: "mixed");
        var closed = (await h.SeedAsync(1, DeadLetterStatus.Discarded, "mixed", "mixed-closed", h.Clock.GetUtcNow()))[0];
        h.Script.Behaviour = l => Task.FromResult(l.AggregateId.EndsWith("-1", StringComparison.Ordinal)
            ? RetryResult.Failure("still down") : RetryResult.Success());

        var result = await h.Remediation.ApplyToManyAsync(RemediationHarness.Remediator(), [.. ids, closed, Guid.NewGuid()],
            RemediationAction.StartRetry, null);

        Assert.Equal(new BulkRemediationResult(3, 0, 1, 2), result);
    }

    [Fact]
    public async Task Bulk_discard_needs_a_reason_and_then_closes_every_selected_record()
    {
        var ids = await h.SeedAsync(5, fingerprint: "discard", prefix: "discard");

        var refused = await h.Remediation.ApplyToManyAsync(RemediationHarness.Remediator(), ids, RemediationAction.Discard, null);
        var done = await h.Remediation.ApplyToManyAsync(RemediationHarness.Remediator(), ids, RemediationAction.Discard, "Duplicates of a fixed incident.");

        Assert.Equal(new BulkRemediationResult(0, 0, 0, 5), refused);
        Assert.Equal(new BulkRemediationResult(0, 5, 0, 0), done);
        foreach (var id in ids)
            Assert.Equal(DeadLetterActions.Discarded, Assert.Single(await h.AuditAsync(id)).Action);
    }
}

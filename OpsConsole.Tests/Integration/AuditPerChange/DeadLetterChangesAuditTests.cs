using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Tests.Integration.DeadLetters;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.AuditPerChange;

/// <summary>Each remediation step leaves exactly one audit event on its record; a refused step leaves none.</summary>
[Trait("Category", "Integration")]
public sealed class DeadLetterChangesAuditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly RemediationHarness h = new(fixture);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => h.DisposeAsync().AsTask();

    Task<List<string>> ActionsAsync(Guid id) => AuditCounts.ActionsAsync(fixture.ConnectionString, RemediationLedger.SubjectType, id.ToString());

    [Fact]
    public async Task A_retry_leaves_its_claim_and_its_result_and_a_refused_retry_nothing()
    {
        var id = (await h.SeedAsync(prefix: "retry"))[0];

        await h.Remediation.RetryAsync(RemediationHarness.Remediator(), id);
        await h.Remediation.RetryAsync(RemediationHarness.Remediator(), id);

        Assert.Equal([DeadLetterActions.RetryStarted, DeadLetterActions.Retried], await ActionsAsync(id));
    }

    [Fact]
    public async Task Resolve_and_discard_leave_one_event_each_one_record_or_many()
    {
        var ids = await h.SeedAsync(count: 4, fingerprint: "group-audit", prefix: "close");

        await h.Remediation.ResolveAsync(RemediationHarness.Remediator(), ids[0], "Fixed at the receiver");
        await h.Remediation.DiscardAsync(RemediationHarness.Remediator(), ids[1], "Sent by hand");
        await h.Remediation.ResolveAsync(RemediationHarness.Remediator(), ids[1], "Again");
        await h.Remediation.ApplyToManyAsync(RemediationHarness.Remediator(), [ids[2]], RemediationAction.Resolve, "In bulk");
        await h.Remediation.ApplyToGroupAsync(RemediationHarness.Remediator(), "group-audit", RemediationAction.Discard, "The rest");

        Assert.Equal([DeadLetterActions.Resolved], await ActionsAsync(ids[0]));
        Assert.Equal([DeadLetterActions.Discarded], await ActionsAsync(ids[1]));
        Assert.Equal([DeadLetterActions.Resolved], await ActionsAsync(ids[2]));
        Assert.Equal([DeadLetterActions.Discarded], await ActionsAsync(ids[3]));
    }

    [Fact]
    public async Task Recovering_a_stale_claim_and_a_purge_leave_one_event_each()
    {
        var stale = (await h.SeedAsync(status: DeadLetterStatus.Retrying, prefix: "stale"))[0];
        await using (var db = fixture.CreateContext())
            await db.DeadLetters.Where(d => d.Id == stale).ExecuteUpdateAsync(s => s.SetProperty(d => d.RetryClaimedAt, h.Clock.GetUtcNow().AddHours(-1)));
        var old = await h.SeedAsync(count: 3, status: DeadLetterStatus.Resolved, prefix: "old", closedAt: h.Clock.GetUtcNow().AddDays(-400));

        Assert.Equal(1, await h.Recovery.RecoverAsync());
        Assert.Equal(0, await h.Recovery.RecoverAsync());
        Assert.Equal(3, await h.Purge.PurgeAsync());
        Assert.Equal(0, await h.Purge.PurgeAsync());

        Assert.Equal([DeadLetterActions.RetryAbandoned], await ActionsAsync(stale));
        Assert.Equal([DeadLetterActions.Purged], await AuditCounts.ActionsAsync(fixture.ConnectionString, RemediationLedger.SubjectType, "retention"));
        Assert.All(old, id => Assert.Empty(ActionsAsync(id).Result));
    }
}

using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Stellar;
using OpsConsole.Tests.Integration.Stellar;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.AuditPerChange;

/// <summary>Each change of a mint submission leaves one event on the submission (and the request's move one on the
/// request); a look-up that changes nothing leaves none, only its attempt row.</summary>
[Trait("Category", "Integration")]
public sealed class StellarChangesAuditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly StellarHarness h = new(fixture);

    public Task InitializeAsync() => h.InitializeAsync();

    public Task DisposeAsync() => h.DisposeAsync();

    [Fact]
    public async Task Building_sending_and_confirming_leave_one_event_each_and_a_lookup_or_retry_that_changes_nothing_none()
    {
        var app = h.Instance();
        var submitter = app.GetRequiredService<MintSubmitter>();
        var id = await h.ApprovedMintAsync(app);
        var requestEventsBefore = await AuditCounts.ForAsync(fixture.ConnectionString, ApprovalAuditActions.SubjectType, id.ToString());

        var submission = (await submitter.SubmitAsync(id))!;
        await submitter.ReconcileAsync(submission.Id);
        var afterLookup = await AuditCounts.ActionsAsync(fixture.ConnectionString, StellarAuditActions.SubjectType, submission.Id.ToString());
        h.NextLedger();
        await submitter.RunAsync(CancellationToken.None);
        // A retry of work already done changes nothing and leaves nothing.
        Assert.True((await submitter.RetryAsync(MintSubmitter.RecordOperation, submission.Id)).Succeeded);
        Assert.True((await submitter.RetryAsync(MintSubmitter.BuildOperation, id)).Succeeded);

        Assert.Equal([StellarAuditActions.Built, StellarAuditActions.Sent], afterLookup);
        Assert.Equal([StellarAuditActions.Built, StellarAuditActions.Sent, "stellar.submission_confirmed"],
            await AuditCounts.ActionsAsync(fixture.ConnectionString, StellarAuditActions.SubjectType, submission.Id.ToString()));
        Assert.Equal(requestEventsBefore + 2, await AuditCounts.ForAsync(fixture.ConnectionString, ApprovalAuditActions.SubjectType, id.ToString()));
        Assert.Equal(3, (await h.AttemptsAsync(submission.Id)).Count);
    }
}

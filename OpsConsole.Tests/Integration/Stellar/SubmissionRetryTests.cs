using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Stellar;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Approvals;
using OpsConsole.Tests.Integration.DeadLetters;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Stellar;

/// <summary>A dead-lettered build or record is retried from the remediation page through the guarded submission:
/// a build only for a request that still passes the guards, a record only by sending the stored envelope again or
/// looking it up.</summary>
[Trait("Category", "Integration")]
public sealed class SubmissionRetryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly StellarHarness harness = new(fixture);

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    IServiceProvider App() => harness.Instance(more: (services, config) => services.AddDeadLetters(config));

    async Task<Guid> DeadLetterAsync(IServiceProvider app, string aggregateType, Guid id, string operation)
    {
        // What GuardedTransitions writes when the work ran out of attempts.
        var now = harness.Clock.GetUtcNow();
        return await app.GetRequiredService<DeadLetterWriter>().WriteAsync(
            new TransitionContext(aggregateType, id.ToString(), operation, DeadLetterSources.Sweeper),
            new TransitionFailure(null, null, "Gave up after 3 attempt(s)", new DbUpdateConcurrencyException("conflict"), 3, now, now));
    }

    async Task<RemediationResult> RetryAsync(IServiceProvider app, Guid letter)
    {
        await using var scope = app.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadLetterRemediation>().RetryAsync(RemediationHarness.Remediator(), letter);
    }

    [Fact]
    public async Task Retrying_a_failed_build_builds_and_sends_once_and_retrying_it_again_builds_nothing_more()
    {
        var app = App();
        var id = await harness.ApprovedMintAsync(app);
        var letter = await DeadLetterAsync(app, "approval_request", id, MintSubmitter.BuildOperation);

        Assert.Equal(RemediationOutcome.Resolved, (await RetryAsync(app, letter)).Outcome);
        var second = await DeadLetterAsync(app, "approval_request", id, MintSubmitter.BuildOperation);
        Assert.Equal(RemediationOutcome.Resolved, (await RetryAsync(app, second)).Outcome);

        Assert.Equal(SubmissionStatus.Pending, Assert.Single(await harness.SubmissionsAsync(id)).Status);
    }

    [Fact]
    public async Task Retrying_a_failed_record_looks_the_stored_envelope_up_and_a_build_with_the_network_down_stays_failing()
    {
        var app = App();
        var id = await harness.ApprovedMintAsync(app);
        var submission = (await app.GetRequiredService<MintSubmitter>().SubmitAsync(id))!;
        harness.NextLedger();
        var letter = await DeadLetterAsync(app, StellarAuditActions.SubjectType, submission.Id, MintSubmitter.RecordOperation);

        Assert.Equal(RemediationOutcome.Resolved, (await RetryAsync(app, letter)).Outcome);
        Assert.Equal(SubmissionStatus.Confirmed, Assert.Single(await harness.SubmissionsAsync(id)).Status);

        var down = harness.Instance(_ => new UnreachableNetwork(), more: (services, config) => services.AddDeadLetters(config));
        var other = await harness.ApprovedMintAsync(down);
        var failing = await DeadLetterAsync(down, "approval_request", other, MintSubmitter.BuildOperation);
        var result = await RetryAsync(down, failing);
        Assert.Equal(RemediationOutcome.StillFailing, result.Outcome);
        Assert.Empty(await harness.SubmissionsAsync(other));
    }

    [Fact]
    public async Task A_retry_whose_build_fails_again_reports_the_failure_and_adds_no_dead_letter()
    {
        var app = App();
        var id = await harness.ApprovedMintAsync(app);
        var letter = await DeadLetterAsync(app, "approval_request", id, MintSubmitter.BuildOperation);

        RemediationResult result;
        await using (await InjectedFault.RowsRefusingAsync(fixture.ConnectionString, "stellar_submissions", "request_id", id))
            result = await RetryAsync(app, letter);

        Assert.Equal(RemediationOutcome.StillFailing, result.Outcome);
        Assert.Contains("cannot be stored", result.Message);
        Assert.Empty(await harness.SubmissionsAsync(id));
        // Nor was the envelope of the attempt that could not be stored sent.
        harness.NextLedger();
        Assert.Equal(0, harness.Ledger.IncludedCount);
        await AssertOnlyTheRetriedLetterAsync(letter, id);
    }

    [Fact]
    public async Task A_retry_whose_record_fails_again_reports_the_failure_and_adds_no_dead_letter()
    {
        var app = App();
        var id = await harness.ApprovedMintAsync(app);
        var submission = (await app.GetRequiredService<MintSubmitter>().SubmitAsync(id))!;
        harness.NextLedger();
        var letter = await DeadLetterAsync(app, StellarAuditActions.SubjectType, submission.Id, MintSubmitter.RecordOperation);

        RemediationResult result;
        await using (await InjectedFault.RowsRefusingAsync(fixture.ConnectionString, "stellar_submission_attempts", "submission_id", submission.Id))
            result = await RetryAsync(app, letter);

        Assert.Equal(RemediationOutcome.StillFailing, result.Outcome);
        Assert.Equal(SubmissionStatus.Pending, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        await AssertOnlyTheRetriedLetterAsync(letter, submission.Id);
        // With the fault gone the same retry confirms it.
        Assert.Equal(RemediationOutcome.Resolved, (await RetryAsync(app, letter)).Outcome);
        Assert.Equal(SubmissionStatus.Confirmed, Assert.Single(await harness.SubmissionsAsync(id)).Status);
    }

    /// <summary>The failure went back to the retry: no other record, and no recurrence counted on the retried one.</summary>
    async Task AssertOnlyTheRetriedLetterAsync(Guid letter, Guid about)
    {
        await using var db = fixture.CreateContext();
        var letters = await db.DeadLetters.AsNoTracking().Where(d => d.AggregateId == about.ToString() || d.Id == letter).ToListAsync();
        var only = Assert.Single(letters);
        Assert.Equal((letter, 1), (only.Id, only.Occurrences));
        Assert.Equal(DeadLetterStatus.Unresolved, only.Status);
    }

    sealed class UnreachableNetwork : Features.Stellar.Network.IStellarNetwork
    {
        static Exception Down() => new Features.Stellar.Network.StellarNetworkException("connection refused");
        public Task<Features.Stellar.Network.LedgerState> LatestLedgerAsync(CancellationToken ct) => throw Down();
        public Task<long> AccountSequenceAsync(string accountId, CancellationToken ct) => throw Down();
        public Task<SendAnswer> SendAsync(string envelopeXdr, CancellationToken ct) => throw Down();
        public Task<LookupAnswer> LookupAsync(string hash, CancellationToken ct) => throw Down();
    }
}

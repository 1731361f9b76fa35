using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.DeadLetters;

[Trait("Category", "Integration")]
public class RemediationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    RemediationHarness h = null!;

    public Task InitializeAsync()
    {
        h = new RemediationHarness(fixture);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task Successful_retry_resolves_the_record_and_audits_it()
    {
        var id = (await h.SeedAsync(prefix: "ok"))[0];
        h.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await h.Remediation.RetryAsync(RemediationHarness.Remediator(), id);

        Assert.Equal(RemediationOutcome.Resolved, result.Outcome);
        var letter = await h.ReadAsync(id);
        Assert.Equal(DeadLetterStatus.Resolved, letter.Status);
        Assert.Equal(h.Clock.GetUtcNow(), letter.ClosedAt);
        Assert.Equal(1, h.Script.Calls);
        var audit = await h.AuditAsync(id);
        Assert.Equal([DeadLetterActions.RetryStarted, DeadLetterActions.Retried], audit.Select(a => a.Action));
        var e = audit[^1];
        Assert.Equal(("remediator@demo.local", DeadLetterActions.Retried), (e.Actor, e.Action));
        Assert.Equal("resolved", e.Details["outcome"]!.GetValue<string>());
        var history = await h.Query.HistoryAsync(id);
        Assert.Equal([DeadLetterActions.RetryStarted, DeadLetterActions.Retried], history.Select(a => a.Action));
        Assert.Equal("resolved", history[^1].Outcome);
    }

    [Fact]
    public async Task Failed_retry_keeps_it_unresolved_with_one_more_retry_and_the_new_reason()
    {
        var id = (await h.SeedAsync(prefix: "fail"))[0];
        var before = await h.ReadAsync(id);
        h.Script.Behaviour = _ => throw new TimeoutException("Receiver at 10.0.0.7 timed out after 30 s");
        h.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await h.Remediation.RetryAsync(RemediationHarness.Remediator(), id);

        Assert.Equal(RemediationOutcome.StillFailing, result.Outcome);
        var letter = await h.ReadAsync(id);
        Assert.Equal(DeadLetterStatus.Unresolved, letter.Status);
        Assert.Equal(before.RetryCount + 1, letter.RetryCount);
        Assert.Equal(h.Clock.GetUtcNow(), letter.LastFailedAt);
        Assert.Equal(before.FirstFailedAt, letter.FirstFailedAt);
        Assert.Equal("Receiver at 10.0.0.7 timed out after 30 s", letter.ReasonMessage);
        Assert.Equal(typeof(TimeoutException).FullName, letter.ExceptionType);
        Assert.Contains(nameof(TimeoutException), letter.StackTrace);
        Assert.Equal(DeadLetterFingerprint.Compute(letter.Operation, letter.ExceptionType, letter.ReasonMessage), letter.Fingerprint);
        Assert.Null(letter.ClosedAt);
        var audit = await h.AuditAsync(id);
        Assert.Equal([DeadLetterActions.RetryStarted, DeadLetterActions.Retried], audit.Select(a => a.Action));
        Assert.Equal("still_failing", audit[^1].Details["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retry_whose_work_is_dead_lettered_again_keeps_one_record_counting_both()
    {
        var id = (await h.SeedAsync(prefix: "again"))[0];
        var before = await h.ReadAsync(id);
        h.Script.Behaviour = async letter =>
        {
            // What a source's handler does when the redone work runs out of attempts once more.
            var work = new TransitionContext(letter.AggregateType, letter.AggregateId, letter.Operation, DeadLetterSources.Ui, "corr-again");
            await h.Writer.WriteAsync(work, new TransitionFailure("Draft", "Submitted", "Gave up after 3 attempt(s); the last failed with: conflict",
                new InvalidOperationException("conflict"), 3, h.Clock.GetUtcNow(), h.Clock.GetUtcNow()));
            return RetryResult.Failure("Gave up after 3 attempt(s); the last failed with: conflict");
        };

        var result = await h.Remediation.RetryAsync(RemediationHarness.Remediator(), id);

        Assert.Equal(RemediationOutcome.StillFailing, result.Outcome);
        var letters = await h.Query.ListAsync(new DeadLetterFilter(Status: null, AggregateId: before.AggregateId), 0, 10);
        var letter = Assert.Single(letters.Items);
        Assert.Equal(id, letter.Id);
        Assert.Equal((DeadLetterStatus.Unresolved, 2, before.RetryCount + 1), (letter.Status, letter.Occurrences, letter.RetryCount));
        Assert.Equal("corr-again", letter.CorrelationKey);
        Assert.Null(letter.RetryClaimId);
    }

    [Fact]
    public async Task Two_concurrent_retries_run_the_handler_once_and_the_loser_hears_who_is_retrying()
    {
        var id = (await h.SeedAsync(prefix: "race"))[0];
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Script.Behaviour = async _ =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return RetryResult.Success();
        };

        var first = Task.Run(() => h.Remediation.RetryAsync(RemediationHarness.Remediator("ann@demo.local"), id));
        var second = Task.Run(() => h.Remediation.RetryAsync(RemediationHarness.Remediator("bob@demo.local"), id));
        var loser = await Task.WhenAny(first, second);
        release.SetResult();
        var results = await Task.WhenAll(first, second);

        Assert.Equal(1, h.Script.Calls);
        Assert.Equal(RemediationOutcome.Refused, (await loser).Outcome);
        var winner = loser == first ? "bob@demo.local" : "ann@demo.local";
        Assert.Contains($"already being retried by {winner}", (await loser).Message);
        Assert.Single(results, r => r.Outcome == RemediationOutcome.Resolved);
        Assert.Equal(DeadLetterStatus.Resolved, (await h.ReadAsync(id)).Status);
        // The winner's claim and result; the loser's refused claim leaves nothing.
        Assert.Equal([DeadLetterActions.RetryStarted, DeadLetterActions.Retried], (await h.AuditAsync(id)).Select(a => a.Action));
        Assert.All(await h.AuditAsync(id), a => Assert.Equal(winner, a.Actor));
    }

    [Fact]
    public async Task Retry_without_a_registered_handler_is_refused_naming_the_work_but_resolve_works()
    {
        var id = (await DeadLetterSeed.InsertAsync(h.ConnectionString, 1, h.Clock.GetUtcNow(), operation: "webhook.deliver",
            aggregateType: "notification", source: DeadLetterSources.Dispatcher))[0];

        var retry = await h.Remediation.RetryAsync(RemediationHarness.Remediator(), id);
        var resolve = await h.Remediation.ResolveAsync(RemediationHarness.Remediator(), id, "Sent by hand from the mail client.");

        Assert.Equal(RemediationOutcome.Refused, retry.Outcome);
        Assert.Contains("No retry handler is registered for webhook.deliver on notification from dispatcher", retry.Message);
        Assert.Equal(RemediationOutcome.Resolved, resolve.Outcome);
        var e = Assert.Single(await h.AuditAsync(id));
        Assert.Equal(DeadLetterActions.Resolved, e.Action);
        Assert.Equal("Sent by hand from the mail client.", e.Details["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resolve_needs_a_note_and_discard_a_reason()
    {
        var id = (await h.SeedAsync(prefix: "notes"))[0];

        var resolve = await h.Remediation.ResolveAsync(RemediationHarness.Remediator(), id, "  ");
        var discard = await h.Remediation.DiscardAsync(RemediationHarness.Remediator(), id, "");

        Assert.Equal((RemediationOutcome.Refused, RemediationOutcome.Refused), (resolve.Outcome, discard.Outcome));
        Assert.Equal(DeadLetterStatus.Unresolved, (await h.ReadAsync(id)).Status);
        Assert.Empty(await h.AuditAsync(id));
    }

    [Fact]
    public async Task Discard_closes_the_record_with_its_reason_in_history_and_audit()
    {
        var id = (await h.SeedAsync(prefix: "discard"))[0];

        var result = await h.Remediation.DiscardAsync(RemediationHarness.Remediator(), id, "Request was withdrawn.");
        var again = await h.Remediation.RetryAsync(RemediationHarness.Remediator(), id);

        Assert.Equal(RemediationOutcome.Discarded, result.Outcome);
        Assert.Equal(RemediationOutcome.Refused, again.Outcome);
        Assert.Equal(0, h.Script.Calls);
        var e = Assert.Single(await h.AuditAsync(id));
        Assert.Equal((DeadLetterActions.Discarded, "Request was withdrawn."), (e.Action, e.Details["note"]!.GetValue<string>()));
        var row = Assert.Single(await h.Query.HistoryAsync(id));
        Assert.Equal(("remediator@demo.local", "Request was withdrawn.", "discarded"), (row.Actor, row.Note, row.Outcome));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Operator)]
    public async Task Only_a_Remediator_may_act(string role)
    {
        var id = (await h.SeedAsync(prefix: "role-" + role))[0];

        var result = await h.Remediation.RetryAsync(RemediationHarness.Person($"{role}@demo.local", role), id);

        Assert.Equal(RemediationOutcome.Refused, result.Outcome);
        Assert.Equal(0, h.Script.Calls);
        Assert.Equal(DeadLetterStatus.Unresolved, (await h.ReadAsync(id)).Status);
    }
}

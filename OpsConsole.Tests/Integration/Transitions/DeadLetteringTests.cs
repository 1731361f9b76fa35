using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Transitions;

[Trait("Category", "Integration")]
public class DeadLetteringTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly TransitionHarness h = new(fixture);

    public Task InitializeAsync() => h.InitializeAsync();

    public Task DisposeAsync() => h.DisposeAsync();

    [Fact]
    public async Task Conflict_on_every_attempt_writes_one_dead_letter_with_full_context()
    {
        var id = await h.NewAggregateAsync();

        var outcome = await h.Executor().RunAsync(TransitionHarness.Work(id), h.Submit(id, conflictOn: _ => true));

        var dead = Assert.IsType<TransitionOutcome.DeadLettered>(outcome);
        Assert.Equal(3, dead.Attempts);
        var letter = Assert.Single(await h.DeadLettersAsync(id));
        Assert.Equal(dead.DeadLetterId, letter.Id);
        Assert.Equal(TransitionHarness.AggregateType, letter.AggregateType);
        Assert.Equal(id.ToString(), letter.AggregateId);
        Assert.Equal(TransitionHarness.Operation, letter.Operation);
        Assert.Equal("Draft", letter.FromState);
        Assert.Equal("Submitted", letter.ToState);
        Assert.Equal(dead.Reason, letter.ReasonMessage);
        Assert.StartsWith("Gave up after 3 attempt(s); the last failed with: The database operation was expected to affect 1 row(s)", letter.ReasonMessage);
        Assert.Equal(typeof(DbUpdateConcurrencyException).FullName, letter.ExceptionType);
        Assert.StartsWith(typeof(DbUpdateConcurrencyException).FullName + ":", letter.StackTrace);
        Assert.Contains(nameof(GuardedTransitions), letter.StackTrace);
        Assert.Equal(3, letter.RetryCount);
        Assert.Equal(TransitionHarness.Start.AddSeconds(1), letter.FirstFailedAt);
        Assert.Equal(TransitionHarness.Start.AddSeconds(3), letter.LastFailedAt);
        Assert.Equal(DeadLetterSources.Sweeper, letter.Source);
        Assert.Equal($"corr-{id:N}", letter.CorrelationKey);
        Assert.True(JsonNode.DeepEquals(TransitionHarness.Payload(), letter.Payload), letter.Payload.ToJsonString());
        Assert.Equal(DeadLetterStatus.Unresolved, letter.Status);
        Assert.Null(letter.ClosedAt);
        var message = letter.ReasonMessage[(letter.ReasonMessage.IndexOf("with: ", StringComparison.Ordinal) + 6)..];
        Assert.Equal(DeadLetterFingerprint.Compute(TransitionHarness.Operation, letter.ExceptionType, message), letter.Fingerprint);

        var row = await h.ReadAsync(id);
        Assert.Equal(("Draft", 3), (row.State, row.Touches));
        Assert.Equal(0, await h.AuditEventsAsync(id));
    }

    [Fact]
    public async Task An_error_retrying_would_not_fix_is_dead_lettered_at_once()
    {
        var id = await h.NewAggregateAsync();

        var outcome = await h.Executor().RunAsync(TransitionHarness.Work(id),
            (_, _) => throw new InvalidOperationException("The ledger has no account for this request."));

        var dead = Assert.IsType<TransitionOutcome.DeadLettered>(outcome);
        Assert.Equal(1, dead.Attempts);
        var letter = Assert.Single(await h.DeadLettersAsync(id));
        Assert.Equal(typeof(InvalidOperationException).FullName, letter.ExceptionType);
        Assert.Equal(1, letter.RetryCount);
        Assert.Equal(letter.FirstFailedAt, letter.LastFailedAt);
        Assert.Contains("The ledger has no account for this request.", letter.ReasonMessage);
        // The attempt never decided, so no state change is claimed.
        Assert.Null(letter.FromState);
        Assert.Null(letter.ToState);
    }

    [Fact]
    public async Task The_same_failure_on_two_aggregates_shares_one_fingerprint()
    {
        var first = await h.NewAggregateAsync();
        var second = await h.NewAggregateAsync();
        var executor = h.Executor();
        Func<TransitionAttempt, CancellationToken, Task<TransitionDecision>> Fail(Guid id, int amount) =>
            (_, _) => throw new InvalidOperationException($"Request {id} needs 'treasury' approval for {amount} EURe.");

        await executor.RunAsync(TransitionHarness.Work(first), Fail(first, 120));
        await executor.RunAsync(TransitionHarness.Work(second), Fail(second, 75_000));
        var a = Assert.Single(await h.DeadLettersAsync(first));
        var b = Assert.Single(await h.DeadLettersAsync(second));

        Assert.NotEqual(a.AggregateId, b.AggregateId);
        Assert.NotEqual(a.ReasonMessage, b.ReasonMessage);
        Assert.Equal(a.Fingerprint, b.Fingerprint);
    }

    [Fact]
    public async Task Conflicts_exhausted_on_two_aggregates_share_one_fingerprint()
    {
        var first = await h.NewAggregateAsync();
        var second = await h.NewAggregateAsync();
        var executor = h.Executor();

        await executor.RunAsync(TransitionHarness.Work(first), h.Submit(first, conflictOn: _ => true));
        await executor.RunAsync(TransitionHarness.Work(second), h.Submit(second, conflictOn: _ => true));

        Assert.Equal(Assert.Single(await h.DeadLettersAsync(first)).Fingerprint, Assert.Single(await h.DeadLettersAsync(second)).Fingerprint);
    }

    [Fact]
    public async Task Retries_wait_out_the_backoff_on_the_clock()
    {
        var id = await h.NewAggregateAsync();
        var run = h.Executor(retryBaseDelay: TimeSpan.FromSeconds(1))
            .RunAsync(TransitionHarness.Work(id), h.Submit(id, conflictOn: _ => true));

        for (var i = 0; !run.IsCompleted && i < 3000; i++)
        {
            h.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }

        Assert.IsType<TransitionOutcome.DeadLettered>(await run);
        // One wait after each failed attempt but the last: the base delay doubled, scaled by a jitter in [0.5, 1.5).
        Assert.Collection(h.Clock.Waits,
            first => Assert.InRange(first, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5)),
            second => Assert.InRange(second, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)));
        var letter = Assert.Single(await h.DeadLettersAsync(id));
        Assert.True(letter.LastFailedAt - letter.FirstFailedAt >= TimeSpan.FromSeconds(2) + TimeSpan.FromTicks(h.Clock.Waits.Sum(w => w.Ticks)),
            $"{letter.LastFailedAt - letter.FirstFailedAt} between first and last failure");
    }

    [Fact]
    public async Task Cancellation_by_the_caller_propagates_and_writes_no_dead_letter()
    {
        var id = await h.NewAggregateAsync();
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Executor().RunAsync(TransitionHarness.Work(id), (_, ct) =>
        {
            cts.Cancel();
            ct.ThrowIfCancellationRequested();
            return Task.FromResult(TransitionDecision.Refuse("unreachable"));
        }, cts.Token));

        Assert.Empty(await h.DeadLettersAsync(id));
    }
}

using System.Text.Json.Nodes;
using Npgsql;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Transitions;

/// <summary>Work that keeps failing keeps one open dead letter, counting the failures, on one instance or several.</summary>
[Trait("Category", "Integration")]
public class DeadLetterRecurrenceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly TransitionHarness h = new(fixture);

    public Task InitializeAsync() => h.InitializeAsync();

    public Task DisposeAsync() => h.DisposeAsync();

    static Func<TransitionAttempt, CancellationToken, Task<TransitionDecision>> Fail(string message) =>
        (_, _) => throw new InvalidOperationException(message);

    static TransitionContext Try(Guid id, int n, string operation = TransitionHarness.Operation) =>
        TransitionHarness.Work(id) with { Operation = operation, CorrelationKey = $"corr-{n}", Payload = new JsonObject { ["try"] = n } };

    [Fact]
    public async Task Repeated_failures_of_one_aggregate_and_operation_keep_one_record_counting_each()
    {
        var id = await h.NewAggregateAsync();
        var executor = h.Executor();
        var first = h.Clock.GetUtcNow().AddMinutes(1);
        var outcomes = new List<TransitionOutcome>();

        for (var n = 1; n <= 4; n++)
        {
            h.Clock.Advance(TimeSpan.FromMinutes(1));
            outcomes.Add(await executor.RunAsync(Try(id, n), Fail($"The ledger refused try {n}.")));
        }

        var letter = Assert.Single(await h.DeadLettersAsync(id));
        Assert.All(outcomes, o => Assert.Equal(letter.Id, Assert.IsType<TransitionOutcome.DeadLettered>(o).DeadLetterId));
        Assert.Equal(4, letter.Occurrences);
        Assert.Equal(DeadLetterStatus.Unresolved, letter.Status);
        Assert.Equal(first, letter.FirstFailedAt);
        Assert.Equal(h.Clock.GetUtcNow(), letter.LastFailedAt);
        Assert.Contains("The ledger refused try 4.", letter.ReasonMessage);
        Assert.Contains("The ledger refused try 4.", letter.StackTrace);
        Assert.Equal("corr-4", letter.CorrelationKey);
        Assert.Equal(4, letter.Payload["try"]!.GetValue<int>());
    }

    [Fact]
    public async Task Two_instances_failing_the_same_work_at_once_leave_one_record()
    {
        var id = await h.NewAggregateAsync();
        GuardedTransitions[] instances = [h.Executor(), h.Executor()];
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var runs = Enumerable.Range(1, 12).Select(n => Task.Run(async () =>
        {
            await go.Task;
            return await instances[n % 2].RunAsync(Try(id, n), Fail("The ledger is read-only."));
        })).ToList();
        go.SetResult();
        var outcomes = await Task.WhenAll(runs);

        var letter = Assert.Single(await h.DeadLettersAsync(id));
        Assert.Equal(12, letter.Occurrences);
        Assert.All(outcomes, o => Assert.Equal(letter.Id, Assert.IsType<TransitionOutcome.DeadLettered>(o).DeadLetterId));
    }

    [Theory]
    [InlineData(DeadLetterStatus.Resolved)]
    [InlineData(DeadLetterStatus.Discarded)]
    public async Task A_failure_after_the_record_was_closed_opens_a_new_record(DeadLetterStatus closed)
    {
        var id = await h.NewAggregateAsync();
        var executor = h.Executor();
        var old = Assert.IsType<TransitionOutcome.DeadLettered>(await executor.RunAsync(Try(id, 1), Fail("Down."))).DeadLetterId;
        await SqlAsync($"UPDATE dead_letters SET status = '{closed}', closed_at = now() WHERE id = @id", old);

        var fresh = Assert.IsType<TransitionOutcome.DeadLettered>(await executor.RunAsync(Try(id, 2), Fail("Down again."))).DeadLetterId;

        Assert.NotEqual(old, fresh);
        var letters = (await h.DeadLettersAsync(id)).ToDictionary(d => d.Id);
        Assert.Equal(2, letters.Count);
        Assert.Equal((closed, 1, "corr-1"), (letters[old].Status, letters[old].Occurrences, letters[old].CorrelationKey));
        Assert.Equal((DeadLetterStatus.Unresolved, 1, "corr-2"), (letters[fresh].Status, letters[fresh].Occurrences, letters[fresh].CorrelationKey));
    }

    [Fact]
    public async Task Different_operations_on_one_aggregate_keep_separate_records()
    {
        var id = await h.NewAggregateAsync();
        var executor = h.Executor();

        await executor.RunAsync(Try(id, 1), Fail("Down."));
        await executor.RunAsync(Try(id, 2, "test.cancel"), Fail("Down."));
        await executor.RunAsync(Try(id, 3), Fail("Down."));

        var letters = await h.DeadLettersAsync(id);
        Assert.Equal(2, letters.Count);
        Assert.Equal(2, letters.Single(d => d.Operation == TransitionHarness.Operation).Occurrences);
        Assert.Equal(1, letters.Single(d => d.Operation == "test.cancel").Occurrences);
    }

    [Fact]
    public async Task A_failure_while_a_retry_holds_the_record_is_counted_on_it_and_leaves_the_claim()
    {
        var id = await h.NewAggregateAsync();
        var executor = h.Executor();
        var letterId = Assert.IsType<TransitionOutcome.DeadLettered>(await executor.RunAsync(Try(id, 1), Fail("Down."))).DeadLetterId;
        var claim = Guid.NewGuid();
        await SqlAsync($"UPDATE dead_letters SET status = 'Retrying', retry_claim_id = '{claim}', retry_claimed_at = now() WHERE id = @id", letterId);

        var again = Assert.IsType<TransitionOutcome.DeadLettered>(await executor.RunAsync(Try(id, 2), Fail("Still down."))).DeadLetterId;

        Assert.Equal(letterId, again);
        var letter = Assert.Single(await h.DeadLettersAsync(id));
        Assert.Equal((DeadLetterStatus.Retrying, claim, 2), (letter.Status, letter.RetryClaimId, letter.Occurrences));
        Assert.Contains("Still down.", letter.ReasonMessage);
    }

    [Fact]
    public async Task A_recurrence_is_announced_live_as_a_change_of_the_same_record()
    {
        var id = await h.NewAggregateAsync();
        var executor = h.Executor();
        var letterId = Assert.IsType<TransitionOutcome.DeadLettered>(await executor.RunAsync(Try(id, 1), Fail("Down."))).DeadLetterId;
        await using var listener = new NpgsqlConnection(fixture.ConnectionString);
        await listener.OpenAsync();
        var heard = new List<LiveChange>();
        listener.Notification += (_, e) => heard.Add(LiveChange.FromPayload(e.Payload, new(AppLiveTopics.All))!);
        await using (var listen = new NpgsqlCommand($"LISTEN {LiveAnnouncer.Channel}", listener))
            await listen.ExecuteNonQueryAsync();

        await executor.RunAsync(Try(id, 2), Fail("Down."));
        await listener.WaitAsync(TimeSpan.FromSeconds(10));

        var change = Assert.Single(heard);
        Assert.Equal((LiveTopics.DeadLetters, LiveChange.Changed, letterId.ToString()), (change.Topic, change.Kind, change.SubjectId));
        Assert.Equal("2", change.Data!["occurrences"]);
    }

    [Fact]
    public async Task The_database_refuses_a_second_open_record_for_the_same_work()
    {
        var id = await h.NewAggregateAsync();
        var letterId = Assert.IsType<TransitionOutcome.DeadLettered>(await h.Executor().RunAsync(Try(id, 1), Fail("Down."))).DeadLetterId;

        var error = await Assert.ThrowsAsync<PostgresException>(() => SqlAsync("""
            INSERT INTO dead_letters (id, aggregate_type, aggregate_id, operation, reason_message, retry_count, first_failed_at,
                last_failed_at, source, payload, status, fingerprint)
            SELECT gen_random_uuid(), aggregate_type, aggregate_id, operation, 'copy', 1, now(), now(), source, '{}', 'Retrying', fingerprint
            FROM dead_letters WHERE id = @id
            """, letterId));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }

    async Task SqlAsync(string sql, Guid id)
    {
        await using var conn = new NpgsqlConnection(fixture.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("id", id);
        await cmd.ExecuteNonQueryAsync();
    }
}

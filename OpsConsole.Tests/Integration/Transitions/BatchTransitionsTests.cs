using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Audit;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Outbox;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Transitions;

/// <summary>Many changes decided by one attempt are saved together, each with its own effects, in a few statements.</summary>
[Trait("Category", "Integration")]
public class BatchTransitionsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly TransitionHarness h = new(fixture);

    public Task InitializeAsync() => h.InitializeAsync();

    public Task DisposeAsync() => h.DisposeAsync();

    [Fact]
    public async Task Each_change_of_a_batch_is_saved_with_its_own_audit_events_and_reports_its_outcome()
    {
        var drafts = new[] { await h.NewAggregateAsync(), await h.NewAggregateAsync(), await h.NewAggregateAsync() };
        var done = await h.NewAggregateAsync(state: "Submitted");

        var batch = await h.Executor().RunBatchAsync(TransitionHarness.Work(drafts[0]), h.SubmitAll([.. drafts, done]), WhenExhausted.DeadLetter);

        Assert.Null(batch.Failure);
        var applied = batch.Items.Take(3).Select(Assert.IsType<TransitionOutcome.Applied>).ToList();
        Assert.All(applied, a => Assert.Equal(("Draft", "Submitted"), (a.From, a.To)));
        var ids = applied.Select(a => Assert.Single(a.AuditEventIds)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal($"{done} is Submitted.", Assert.IsType<TransitionOutcome.Refused>(batch.Items[3]).Reason);
        foreach (var id in drafts)
            Assert.Equal(("Submitted", 1), ((await h.ReadAsync(id)).State, await h.AuditEventsAsync(id)));
        Assert.Equal(0, await h.AuditEventsAsync(done));
        await using var db = h.Contexts.Create();
        var verdict = AuditChainVerifier.Verify(await db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.True(verdict.IsIntact, verdict.Break?.Reason);
    }

    [Fact]
    public async Task A_batch_is_written_with_the_same_few_statements_whatever_its_size()
    {
        var executor = h.Executor(more: s => s.AddSingleton<INotificationChannel>(new OpenChannel()));
        void Effects(Guid id, TransitionEffects e)
        {
            e.Notices.Add(new OutboxMessage(OutboxChannel.Webhook, "webhook", TransitionHarness.AggregateType, id.ToString(), "test.submitted",
                "Info", "Submitted", "It was submitted.", TransitionHarness.Start));
            e.Live.Add(new LiveChange(LiveTopics.Approvals, LiveChange.Changed, id.ToString()));
            e.Wakes.At("TestJob", TransitionHarness.Start.AddHours(1));
        }

        async Task<int> StatementsForAsync(int size)
        {
            var ids = new List<Guid>();
            for (var i = 0; i < size; i++)
                ids.Add(await h.NewAggregateAsync());
            h.Contexts.Statements.Reset();
            var batch = await executor.RunBatchAsync(TransitionHarness.Work(ids[0]), h.SubmitAll(ids, effects: Effects), WhenExhausted.DeadLetter);
            Assert.All(batch.Items, item => Assert.IsType<TransitionOutcome.Applied>(item));
            return h.Contexts.Statements.Count;
        }

        var few = await StatementsForAsync(2);
        var many = await StatementsForAsync(40);

        Assert.Equal(few, many);
        await using var db = h.Contexts.Create();
        Assert.Equal(42, await db.NotificationOutbox.CountAsync(e => e.SubjectType == TransitionHarness.AggregateType));
    }

    [Fact]
    public async Task Rows_a_batch_creates_are_inserted_in_one_statement_whatever_their_number_and_know_their_version()
    {
        var executor = h.Executor();
        async Task<(int Inserts, List<TestAggregate> Created)> CreateAsync(int size)
        {
            var ids = new List<Guid>();
            for (var i = 0; i < size; i++)
                ids.Add(await h.NewAggregateAsync());
            var created = new List<TestAggregate>();
            var submit = h.SubmitAll(ids);
            h.Contexts.Statements.Reset();
            // Each submission also opens a follow-up draft: an insert beside the update, in the same change.
            var batch = await executor.RunBatchAsync(TransitionHarness.Work(ids[0]), async (attempt, ct) =>
            {
                var decisions = await submit(attempt, ct);
                created.Clear();
                foreach (var _ in ids)
                    created.Add(((TestAggregateDbContext)attempt.Db).TestAggregates.Add(new TestAggregate
                    {
                        Id = Guid.NewGuid(),
                        State = "Draft",
                        Tags = ["follow-up", "b,c", "\"quoted\" {braced}", ""],
                    }).Entity);
                return decisions;
            }, WhenExhausted.DeadLetter);
            Assert.All(batch.Items, item => Assert.IsType<TransitionOutcome.Applied>(item));
            var inserts = h.Contexts.Statements.Texts.Sum(text => Regex.Count(text, "INSERT INTO \"?test_aggregates\"?"));
            return (inserts, created);
        }

        var few = await CreateAsync(2);
        var many = await CreateAsync(40);

        Assert.Equal((1, 1), (few.Inserts, many.Inserts));
        foreach (var row in many.Created)
        {
            var stored = await h.ReadAsync(row.Id);
            Assert.Equal(("Draft", stored.Version), (stored.State, row.Version));
            Assert.Equal(["follow-up", "b,c", "\"quoted\" {braced}", ""], stored.Tags);
        }
    }

    [Fact]
    public async Task A_conflict_on_one_row_of_a_batch_retries_the_whole_batch()
    {
        var ids = new[] { await h.NewAggregateAsync(), await h.NewAggregateAsync(), await h.NewAggregateAsync() };

        var batch = await h.Executor().RunBatchAsync(TransitionHarness.Work(ids[0]), h.SubmitAll(ids, conflictOn: n => n == 1),
            WhenExhausted.DeadLetter);

        Assert.Equal(2, batch.Attempts);
        Assert.All(batch.Items, item => Assert.IsType<TransitionOutcome.Applied>(item));
        Assert.Equal(1, (await h.ReadAsync(ids[0])).Touches);
        foreach (var id in ids)
            Assert.Equal(("Submitted", 1), ((await h.ReadAsync(id)).State, await h.AuditEventsAsync(id)));
    }

    sealed class OpenChannel : INotificationChannel
    {
        public OutboxChannel Channel => OutboxChannel.Webhook;
        public bool IsEnabled => true;
        public Task SendAsync(Guid id, OutboxMessage message, CancellationToken ct) => Task.CompletedTask;
    }
}

using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Transitions;

[Trait("Category", "Integration")]
public class GuardedTransitionsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly TransitionHarness h = new(fixture);

    public Task InitializeAsync() => h.InitializeAsync();

    public Task DisposeAsync() => h.DisposeAsync();

    [Fact]
    public async Task Clean_transition_commits_the_change_with_its_audit_event_and_no_dead_letter()
    {
        var id = await h.NewAggregateAsync();

        var outcome = await h.Executor().RunAsync(TransitionHarness.Work(id), h.Submit(id));

        var applied = Assert.IsType<TransitionOutcome.Applied>(outcome);
        Assert.Equal(("Draft", "Submitted", 1), (applied.From, applied.To, applied.Attempts));
        Assert.Equal("Submitted", (await h.ReadAsync(id)).State);
        Assert.Equal(1, await h.AuditEventsAsync(id));
        Assert.Empty(await h.DeadLettersAsync(id));
    }

    [Fact]
    public async Task Refusal_rolls_back_a_staged_change_and_its_audit_event()
    {
        var id = await h.NewAggregateAsync();

        var outcome = await h.Executor().RunAsync(TransitionHarness.Work(id), async (attempt, ct) =>
        {
            var aggregate = await ((TestAggregateDbContext)attempt.Db).TestAggregates.SingleAsync(a => a.Id == id, ct);
            aggregate.State = "Submitted";
            return TransitionDecision.Refuse("The daily limit is reached.");
        });

        var refused = Assert.IsType<TransitionOutcome.Refused>(outcome);
        Assert.Equal("The daily limit is reached.", refused.Reason);
        Assert.Equal("Draft", (await h.ReadAsync(id)).State);
        Assert.Equal(0, await h.AuditEventsAsync(id));
    }

    [Fact]
    public async Task Refusal_by_the_rule_gives_its_reason_and_writes_no_dead_letter()
    {
        var id = await h.NewAggregateAsync(state: "Submitted");

        var outcome = await h.Executor().RunAsync(TransitionHarness.Work(id), h.Submit(id));

        var refused = Assert.IsType<TransitionOutcome.Refused>(outcome);
        Assert.Equal("Only a draft can be submitted; this one is Submitted.", refused.Reason);
        Assert.Equal(1, refused.Attempts);
        Assert.Empty(await h.DeadLettersAsync(id));
        Assert.Equal(0, await h.AuditEventsAsync(id));
    }

    [Fact]
    public async Task Conflict_on_the_first_attempt_is_retried_and_then_applied()
    {
        var id = await h.NewAggregateAsync();

        var outcome = await h.Executor().RunAsync(TransitionHarness.Work(id), h.Submit(id, conflictOn: n => n == 1));

        var applied = Assert.IsType<TransitionOutcome.Applied>(outcome);
        Assert.Equal(2, applied.Attempts);
        Assert.Equal(2, h.Attempts);
        var row = await h.ReadAsync(id);
        Assert.Equal(("Submitted", 1), (row.State, row.Touches));
        // The first attempt's audit event rolled back with its change; only the applied one remains.
        Assert.Equal(1, await h.AuditEventsAsync(id));
        Assert.Empty(await h.DeadLettersAsync(id));
    }

    [Fact]
    public async Task A_conflict_raised_inside_the_attempt_is_retried_too()
    {
        var id = await h.NewAggregateAsync();
        var submit = h.Submit(id);
        var calls = 0;

        var outcome = await h.Executor().RunAsync(TransitionHarness.Work(id), (attempt, ct) =>
            ++calls == 1 ? throw new DbUpdateConcurrencyException("changed underneath") : submit(attempt, ct));

        Assert.Equal(2, Assert.IsType<TransitionOutcome.Applied>(outcome).Attempts);
        Assert.Empty(await h.DeadLettersAsync(id));
    }
}

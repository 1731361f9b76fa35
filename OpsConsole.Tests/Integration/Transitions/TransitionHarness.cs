using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Transitions;

/// <summary>
/// Wires the real <see cref="GuardedTransitions"/> to a database that also holds <see cref="TestAggregate"/>, with a
/// fake clock, and offers a "submit" attempt that a competing writer can be told to interfere with.
/// </summary>
public sealed class TransitionHarness(DatabaseFixture fixture) : IAsyncLifetime
{
    public const string Operation = "test.submit";
    public const string AggregateType = "test_aggregate";
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    readonly List<ServiceProvider> providers = [];

    public RecordingClock Clock { get; } = new(Start);
    public TestAggregateContextFactory Contexts { get; } = new(fixture);
    /// <summary>Attempts made by the delegates of this harness so far.</summary>
    public int Attempts { get; private set; }

    public async Task InitializeAsync()
    {
        await using var db = Contexts.Create();
        await db.Database.ExecuteSqlRawAsync(TestAggregateDbContext.CreateTable);
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in providers)
            await provider.DisposeAsync();
    }

    /// <summary>The executor as the app registers it, except for the database and the clock.</summary>
    /// <param name="more">Registers what a test needs beyond the core, e.g. a notification channel that is on.</param>
    public GuardedTransitions Executor(TimeSpan? retryBaseDelay = null, Action<IServiceCollection>? more = null)
    {
        var (collection, _) = TestHost.Core(fixture.ConnectionString, Clock, new Dictionary<string, string?>
        {
            ["Transitions:MaxAttempts"] = "3",
            ["Transitions:RetryBaseDelay"] = (retryBaseDelay ?? TimeSpan.Zero).ToString("c"),
        });
        // The same database, through contexts that also know the test aggregate.
        collection.AddSingleton<IDbContextFactory<OpsDbContext>>(Contexts);
        more?.Invoke(collection);
        var services = TestHost.Build(collection);
        providers.Add(services);
        return services.GetRequiredService<GuardedTransitions>();
    }

    public async Task<Guid> NewAggregateAsync(string state = "Draft")
    {
        var id = Guid.NewGuid();
        await using var db = Contexts.Create();
        db.TestAggregates.Add(new TestAggregate { Id = id, State = state });
        await db.SaveChangesAsync();
        return id;
    }

    public static JsonObject Payload() => new() { ["amount"] = "12.50", ["memo"] = "invoice 7" };

    public static TransitionContext Work(Guid id) =>
        new(AggregateType, id.ToString(), Operation, DeadLetterSources.Sweeper, $"corr-{id:N}", Payload());

    /// <summary>
    /// Loads, lets the rule decide, stages the change and its audit event. Each attempt moves the clock one second,
    /// so failure times tell attempts apart; when <paramref name="conflictOn"/> says so, another connection updates
    /// the row after the load, so the save meets a changed xmin.
    /// </summary>
    public Func<TransitionAttempt, CancellationToken, Task<TransitionDecision>> Submit(Guid id, Func<int, bool>? conflictOn = null) =>
        async (a, ct) =>
        {
            var db = a.Db;
            var attempt = ++Attempts;
            Clock.Advance(TimeSpan.FromSeconds(1));
            var aggregate = await ((TestAggregateDbContext)db).TestAggregates.SingleAsync(a => a.Id == id, ct);
            if (conflictOn?.Invoke(attempt) == true)
                await TouchAsync(id);
            if (TestAggregate.Submitted(aggregate.State) is not { } to)
                return TransitionDecision.Refuse($"Only a draft can be submitted; this one is {aggregate.State}.");
            var from = aggregate.State;
            aggregate.State = to;
            return TransitionDecision.Apply(from, to, TransitionEffects.Of(new AuditEntry("operator@demo.local", Operation, AggregateType, id.ToString())));
        };

    /// <summary>
    /// Submits every aggregate in one attempt, each its own change (a refusal for one that is not a draft), with the
    /// effects <paramref name="effects"/> gives it besides its audit event; on the attempts <paramref name="conflictOn"/>
    /// picks, another connection updates the first row after the load.
    /// </summary>
    public Func<TransitionAttempt, CancellationToken, Task<IReadOnlyList<TransitionDecision>>> SubmitAll(IReadOnlyList<Guid> ids,
        Func<int, bool>? conflictOn = null, Action<Guid, TransitionEffects>? effects = null) =>
        async (a, ct) =>
        {
            var attempt = ++Attempts;
            var rows = await ((TestAggregateDbContext)a.Db).TestAggregates.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            if (conflictOn?.Invoke(attempt) == true)
                await TouchAsync(ids[0]);
            return [.. ids.Select(id =>
            {
                var row = rows[id];
                if (TestAggregate.Submitted(row.State) is not { } to)
                    return TransitionDecision.Refuse($"{id} is {row.State}.");
                var from = row.State;
                row.State = to;
                var described = TransitionEffects.Of(new AuditEntry("operator@demo.local", Operation, AggregateType, id.ToString()));
                effects?.Invoke(id, described);
                return TransitionDecision.Apply(from, to, described);
            })];
        };

    /// <summary>A competing writer: any committed update gives the row a new xmin.</summary>
    public async Task TouchAsync(Guid id)
    {
        await using var conn = new NpgsqlConnection(fixture.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("UPDATE test_aggregates SET touches = touches + 1 WHERE id = @id", conn);
        cmd.Parameters.AddWithValue("id", id);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }

    public async Task<TestAggregate> ReadAsync(Guid id)
    {
        await using var db = Contexts.Create();
        return await db.TestAggregates.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public async Task<int> AuditEventsAsync(Guid id)
    {
        await using var db = Contexts.Create();
        return await db.AuditEvents.CountAsync(e => e.SubjectType == AggregateType && e.SubjectId == id.ToString());
    }

    public async Task<List<DeadLetter>> DeadLettersAsync(Guid id)
    {
        await using var db = Contexts.Create();
        return await db.DeadLetters.AsNoTracking().Where(d => d.AggregateId == id.ToString()).ToListAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.Notifications;
using OpsConsole.Features.Approvals;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>One request that always fails its SLA steps is dead-lettered and deferred on its own; the rest go on.</summary>
[Trait("Category", "Integration")]
public sealed class SlaPoisonRequestTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly ApprovalHarness harness = new(fixture);

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Poison_request_is_dead_lettered_alone_and_the_rest_of_its_batch_get_their_steps()
    {
        var app = harness.Instance();
        var (healthy, poison) = await CreateAsync(app.GetRequiredService<ApprovalService>(), 15);
        await using var fault = await InjectedFault.TightenedTitleLimitAsync(fixture.ConnectionString);

        harness.Clock.Advance(TimeSpan.FromHours(4));
        await app.GetRequiredService<SlaTimers>().ApplyDueAsync();

        foreach (var id in healthy)
        {
            Assert.Equal(ApprovalHarness.Start.AddHours(4), (await harness.ReadAsync(id)).RemindedAt);
            Assert.Single(await harness.AuditAsync(id), e => e.Action == ApprovalAuditActions.Reminded);
        }
        var stuck = await harness.ReadAsync(poison);
        Assert.Null(stuck.RemindedAt);
        Assert.Equal(ApprovalHarness.Start.AddHours(4), stuck.NextDueAt);
        var letter = Assert.Single(await DeadLettersAsync(poison));
        Assert.Equal((SlaTimers.ApplyDueOperation, DeadLetterSources.Sweeper, DeadLetterStatus.Unresolved),
            (letter.Operation, letter.Source, letter.Status));
        Assert.Contains("ck_approval_requests_title_limit", letter.ReasonMessage);
        Assert.Equal(("Pending", "Pending at tier 1"), (letter.FromState, letter.ToState));
        Assert.Empty(await BatchDeadLettersAsync());
    }

    [Fact]
    public async Task Poison_request_is_not_claimed_again_until_its_deferral_passes_and_the_sweep_still_comes_back_to_it()
    {
        var app = harness.Instance(more: (services, _) => services.AddFakeLogging());
        var timers = app.GetRequiredService<SlaTimers>();
        var log = app.GetFakeLogCollector();
        var (_, poison) = await CreateAsync(app.GetRequiredService<ApprovalService>(), 2);
        await using var fault = await InjectedFault.TightenedTitleLimitAsync(fixture.ConnectionString);
        harness.Clock.Advance(TimeSpan.FromHours(4));

        await timers.ApplyDueAsync();
        Assert.Contains(log.GetSnapshot(clear: true), r => r.Id.Name == "BatchFellBack");
        var deferral = await DeferralAsync(poison);
        Assert.Equal((1, harness.Clock.GetUtcNow().AddSeconds(30)), (deferral.Failures, deferral.DeferredUntil));

        // Two ticks of the due job and a sweep inside the deferral do not claim it: no batch fails and falls back.
        harness.Clock.Advance(TimeSpan.FromSeconds(15));
        await timers.ApplyDueAsync();
        await timers.SweepAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(14));
        await timers.ApplyDueAsync();
        Assert.DoesNotContain(log.GetSnapshot(), r => r.Id.Name == "BatchFellBack");
        Assert.Single(await DeadLettersAsync(poison));

        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        await timers.ApplyDueAsync();
        // The same work failing again counts on its open record rather than adding one.
        Assert.Equal(2, Assert.Single(await DeadLettersAsync(poison)).Occurrences);
        deferral = await DeferralAsync(poison);
        Assert.Equal((2, harness.Clock.GetUtcNow().AddMinutes(1)), (deferral.Failures, deferral.DeferredUntil));

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await timers.SweepAsync();
        var letters = await DeadLettersAsync(poison);
        Assert.Equal([(SlaTimers.ApplyDueOperation, 2), (SlaTimers.SweepOperation, 1)], letters.Select(l => (l.Operation, l.Occurrences)));
        Assert.All(letters, l => Assert.Equal(DeadLetterStatus.Unresolved, l.Status));
        Assert.Equal(3, (await DeferralAsync(poison)).Failures);
    }

    [Fact]
    public async Task Request_whose_notices_cannot_be_stored_fails_alone_and_recovers_once_the_fault_is_gone()
    {
        var app = harness.Instance(new Dictionary<string, string?> { ["Notifications:Webhook:Url"] = "http://127.0.0.1:9/hooks" });
        var timers = app.GetRequiredService<SlaTimers>();
        var (healthy, poison) = await CreateAsync(app.GetRequiredService<ApprovalService>(), 9);

        await using (await InjectedFault.OutboxRefusingAsync(fixture.ConnectionString, poison))
        {
            harness.Clock.Advance(TimeSpan.FromHours(12));
            await timers.ApplyDueAsync();
        }

        foreach (var id in healthy)
        {
            Assert.Equal(2, (await harness.ReadAsync(id)).Tier);
            Assert.Equal([NotificationEvents.ApprovalEscalated, NotificationEvents.ApprovalReminder, NotificationEvents.ApprovalRequested],
                await WebhookEventsAsync(id));
        }
        Assert.Equal(1, (await harness.ReadAsync(poison)).Tier);
        Assert.Equal([NotificationEvents.ApprovalRequested], await WebhookEventsAsync(poison));
        Assert.Contains("cannot be stored", Assert.Single(await DeadLettersAsync(poison)).ReasonMessage);

        // The fault is gone; once the deferral passes the due job gives the request its steps and forgets the failure.
        harness.Clock.Advance(TimeSpan.FromSeconds(31));
        await timers.ApplyDueAsync();
        Assert.Equal(2, (await harness.ReadAsync(poison)).Tier);
        await using var db = fixture.CreateContext();
        Assert.False(await db.SlaDeferrals.AnyAsync(d => d.RequestId == poison));
    }

    [Fact]
    public async Task Each_healthy_step_fires_exactly_once_with_two_instances_racing_around_a_poison_request()
    {
        var first = harness.Instance();
        var second = harness.Instance();
        var (healthy, poison) = await CreateAsync(first.GetRequiredService<ApprovalService>(), 20);
        await using var fault = await InjectedFault.TightenedTitleLimitAsync(fixture.ConnectionString);

        harness.Clock.Advance(TimeSpan.FromHours(13));
        await Task.WhenAll(
            Task.Run(() => first.GetRequiredService<SlaTimers>().ApplyDueAsync()),
            Task.Run(() => second.GetRequiredService<SlaTimers>().ApplyDueAsync()),
            Task.Run(() => second.GetRequiredService<SlaTimers>().SweepAsync()));

        foreach (var id in healthy)
            Assert.Equal([ApprovalAuditActions.Created, ApprovalAuditActions.Reminded, ApprovalAuditActions.Escalated],
                (await harness.AuditAsync(id)).Select(e => e.Action));
        // Only the deferrals, each audited, tell the poison request's history that its SLA waited.
        Assert.Equal([ApprovalAuditActions.Created], (await harness.AuditAsync(poison)).Select(e => e.Action).Where(a => a != ApprovalAuditActions.SlaDeferred));
        Assert.Contains(ApprovalAuditActions.SlaDeferred, (await harness.AuditAsync(poison)).Select(e => e.Action));
        Assert.NotEmpty(await DeadLettersAsync(poison));
        Assert.Empty(await BatchDeadLettersAsync());
    }

    /// <summary>Creates healthy requests with the poison one among them, so that it lands inside a batch.</summary>
    async Task<(List<Guid> Healthy, Guid Poison)> CreateAsync(ApprovalService service, int healthyCount)
    {
        var healthy = new List<Guid>();
        for (var i = 0; i < healthyCount / 2; i++)
            healthy.Add(await harness.CreateAsync(service));
        var created = await service.CreateAsync(ApprovalHarness.Mint(InjectedFault.LegacyTitle));
        for (var i = healthyCount / 2; i < healthyCount; i++)
            healthy.Add(await harness.CreateAsync(service));
        return (healthy, created.Created!.Id);
    }

    async Task<List<DeadLetter>> DeadLettersAsync(Guid requestId)
    {
        await using var db = fixture.CreateContext();
        return await db.DeadLetters.AsNoTracking().Where(d => d.AggregateId == requestId.ToString()).OrderBy(d => d.FirstFailedAt).ThenBy(d => d.Operation).ToListAsync();
    }

    async Task<List<DeadLetter>> BatchDeadLettersAsync()
    {
        await using var db = fixture.CreateContext();
        return await db.DeadLetters.AsNoTracking().Where(d => d.AggregateId.StartsWith(SlaTimers.BatchPrefix)).ToListAsync();
    }

    async Task<SlaDeferral> DeferralAsync(Guid requestId)
    {
        await using var db = fixture.CreateContext();
        return await db.SlaDeferrals.AsNoTracking().SingleAsync(d => d.RequestId == requestId);
    }

    async Task<List<string>> WebhookEventsAsync(Guid requestId)
    {
        await using var db = fixture.CreateContext();
        return await db.NotificationOutbox.AsNoTracking()
            .Where(e => e.SubjectId == requestId.ToString() && e.Recipient == ApprovalNotifier.WebhookRecipient)
            .Select(e => e.EventKey).OrderBy(k => k).ToListAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Audit;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

[Trait("Category", "Integration")]
public sealed class SlaTimersTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly ApprovalHarness harness = new(fixture);

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Reminder_fires_at_four_hours_of_inactivity_and_once()
    {
        var app = harness.Instance();
        var id = await harness.CreateAsync(app.GetRequiredService<ApprovalService>());
        var timers = app.GetRequiredService<SlaTimers>();

        harness.Clock.Advance(TimeSpan.FromHours(4) - TimeSpan.FromSeconds(1));
        await timers.ApplyDueAsync();
        Assert.Null((await harness.ReadAsync(id)).RemindedAt);

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await timers.ApplyDueAsync();
        await timers.ApplyDueAsync();
        var request = await harness.ReadAsync(id);
        Assert.Equal(ApprovalHarness.Start.AddHours(4), request.RemindedAt);
        Assert.Equal(ApprovalHarness.Start.AddHours(12), request.NextDueAt);
        var reminded = Assert.Single(await harness.AuditAsync(id), e => e.Action == ApprovalAuditActions.Reminded);
        Assert.Equal(ApprovalActor.Sla.Id, reminded.Actor);
        Assert.Equal(1, reminded.Details["tier"]!.GetValue<int>());
    }

    [Fact]
    public async Task Escalation_at_twelve_hours_moves_the_request_to_tier_two()
    {
        var app = harness.Instance();
        var id = await harness.CreateAsync(app.GetRequiredService<ApprovalService>());

        harness.Clock.Advance(TimeSpan.FromHours(12));
        await app.GetRequiredService<SlaTimers>().ApplyDueAsync();

        var request = await harness.ReadAsync(id);
        Assert.Equal(2, request.Tier);
        Assert.Equal(ApprovalStatus.Pending, request.Status);
        Assert.NotNull(request.RemindedAt);
        var escalated = Assert.Single(await harness.AuditAsync(id), e => e.Action == ApprovalAuditActions.Escalated);
        Assert.Equal(2, escalated.Details["tier"]!.GetValue<int>());
        Assert.Equal(1, escalated.Details["tierBefore"]!.GetValue<int>());
    }

    [Fact]
    public async Task Expiry_at_twenty_four_hours_makes_the_request_expired()
    {
        var app = harness.Instance();
        var id = await harness.CreateAsync(app.GetRequiredService<ApprovalService>());

        harness.Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(3, await app.GetRequiredService<SlaTimers>().ApplyDueAsync());

        var request = await harness.ReadAsync(id);
        Assert.Equal(ApprovalStatus.Expired, request.Status);
        Assert.Equal(ApprovalHarness.Start.AddHours(24), request.ExpiredAt);
        Assert.Null(request.NextDueAt);
        Assert.Equal([ApprovalAuditActions.Created, ApprovalAuditActions.Reminded, ApprovalAuditActions.Escalated, ApprovalAuditActions.Expired],
            (await harness.AuditAsync(id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Decided_request_gets_no_step()
    {
        var app = harness.Instance();
        var service = app.GetRequiredService<ApprovalService>();
        var id = await harness.CreateAsync(service);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        Assert.IsType<OpsConsole.Platform.Transitions.TransitionOutcome.Applied>(
            await service.ApproveAsync(id, ApprovalHarness.User("operator@demo.local", Roles.Operator)));

        harness.Clock.Advance(TimeSpan.FromHours(30));
        var timers = app.GetRequiredService<SlaTimers>();
        Assert.Equal(0, await timers.ApplyDueAsync());
        Assert.Equal(0, await timers.SweepAsync());

        var request = await harness.ReadAsync(id);
        Assert.Equal(ApprovalStatus.Approved, request.Status);
        Assert.Null(request.RemindedAt);
        Assert.Equal([ApprovalAuditActions.Created, ApprovalAuditActions.Approved], (await harness.AuditAsync(id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Each_step_fires_exactly_once_and_the_audit_chain_verifies_with_two_instances_racing()
    {
        var first = harness.Instance();
        var second = harness.Instance();
        var service = first.GetRequiredService<ApprovalService>();
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
            ids.Add(await harness.CreateAsync(service));

        harness.Clock.Advance(TimeSpan.FromHours(13));
        var fired = await Task.WhenAll(
            Task.Run(() => first.GetRequiredService<SlaTimers>().ApplyDueAsync()),
            Task.Run(() => second.GetRequiredService<SlaTimers>().ApplyDueAsync()),
            Task.Run(() => second.GetRequiredService<SlaTimers>().SweepAsync()));

        Assert.Equal(ids.Count * 2, fired.Sum());
        foreach (var id in ids)
        {
            var actions = (await harness.AuditAsync(id)).Select(e => e.Action).ToList();
            Assert.Equal([ApprovalAuditActions.Created, ApprovalAuditActions.Reminded, ApprovalAuditActions.Escalated], actions);
            Assert.Equal(2, (await harness.ReadAsync(id)).Tier);
        }
        // Batches of both instances appended to the one chain at once, each under the chain's lock.
        await using var db = fixture.CreateContext();
        var chain = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var verdict = AuditChainVerifier.Verify(chain);
        Assert.True(verdict.IsIntact, verdict.Break?.Reason);
        Assert.Equal(chain.Count, verdict.Verified);
    }
}

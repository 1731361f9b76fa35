using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.DeadLetters;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>Dead-lettered SLA work is retried from the remediation service against the request's current state.</summary>
[Trait("Category", "Integration")]
public sealed class SlaStepRetryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly ApprovalHarness harness = new(fixture);
    IServiceProvider app = null!;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        app = harness.Instance(more: AddRemediation);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Retry_applies_the_steps_now_due_once_the_fault_is_fixed()
    {
        var (id, letterId, fault) = await PoisonRequestDeadLetteredAsync();
        await fault.DisposeAsync();

        harness.Clock.Advance(TimeSpan.FromHours(1));
        var result = await RetryAsync(letterId);

        Assert.Equal(RemediationOutcome.Resolved, result.Outcome);
        Assert.Equal(DeadLetterStatus.Resolved, (await LetterAsync(letterId)).Status);
        Assert.Equal(ApprovalHarness.Start.AddHours(5), (await harness.ReadAsync(id)).RemindedAt);
        Assert.Single(await harness.AuditAsync(id), e => e.Action == ApprovalAuditActions.Reminded);
        await using var db = fixture.CreateContext();
        Assert.False(await db.SlaDeferrals.AnyAsync(d => d.RequestId == id));
    }

    [Fact]
    public async Task Retry_while_the_fault_remains_keeps_the_record_unresolved_with_one_more_retry()
    {
        var (id, letterId, fault) = await PoisonRequestDeadLetteredAsync();
        await using var held = fault;
        var before = await LetterAsync(letterId);

        var result = await RetryAsync(letterId);

        Assert.Equal(RemediationOutcome.StillFailing, result.Outcome);
        var after = await LetterAsync(letterId);
        Assert.Equal((DeadLetterStatus.Unresolved, before.RetryCount + 1), (after.Status, after.RetryCount));
        Assert.Contains("ck_approval_requests_title_limit", after.ReasonMessage);
        Assert.Null((await harness.ReadAsync(id)).RemindedAt);
        // The failed retry is recorded on this record, not as a second one.
        await using var db = fixture.CreateContext();
        Assert.Equal(1, await db.DeadLetters.CountAsync(d => d.AggregateId == id.ToString()));
    }

    [Fact]
    public async Task Retry_of_a_request_decided_meanwhile_succeeds_with_nothing_to_do()
    {
        var (id, letterId, fault) = await PoisonRequestDeadLetteredAsync();
        await fault.DisposeAsync();
        var approved = await app.GetRequiredService<ApprovalService>().ApproveAsync(id, ApprovalHarness.User("operator@demo.local", Roles.Operator));
        Assert.IsType<TransitionOutcome.Applied>(approved);

        var result = await RetryAsync(letterId);

        Assert.Equal(RemediationOutcome.Resolved, result.Outcome);
        Assert.Equal([ApprovalAuditActions.Created, ApprovalAuditActions.SlaDeferred, ApprovalAuditActions.Approved], (await harness.AuditAsync(id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Retry_of_a_batch_record_runs_the_due_job_once()
    {
        var service = app.GetRequiredService<ApprovalService>();
        var ids = new List<Guid> { await harness.CreateAsync(service), await harness.CreateAsync(service) };
        harness.Clock.Advance(TimeSpan.FromHours(4));
        var now = harness.Clock.GetUtcNow();
        // What an earlier version wrote when a whole batch failed.
        var work = new TransitionContext(ApprovalAuditActions.SubjectType, $"{SlaTimers.BatchPrefix}{now:O}", SlaTimers.ApplyDueOperation,
            DeadLetterSources.Sweeper);
        var letterId = await app.GetRequiredService<DeadLetterWriter>().WriteAsync(work,
            new TransitionFailure(null, null, "Failed on attempt 1", new InvalidOperationException("boom"), 1, now, now));

        var result = await RetryAsync(letterId);

        Assert.Equal(RemediationOutcome.Resolved, result.Outcome);
        foreach (var id in ids)
            Assert.Equal(now, (await harness.ReadAsync(id)).RemindedAt);
    }

    /// <summary>A request whose row refuses updates, dead-lettered by the due job at its four-hour reminder; the fault
    /// stays in place until the caller disposes it.</summary>
    async Task<(Guid Request, Guid DeadLetter, InjectedFault Fault)> PoisonRequestDeadLetteredAsync()
    {
        var created = await app.GetRequiredService<ApprovalService>().CreateAsync(ApprovalHarness.Mint(InjectedFault.LegacyTitle));
        var id = created.Created!.Id;
        var fault = await InjectedFault.TightenedTitleLimitAsync(fixture.ConnectionString);
        try
        {
            harness.Clock.Advance(TimeSpan.FromHours(4));
            await app.GetRequiredService<SlaTimers>().ApplyDueAsync();
            await using var db = fixture.CreateContext();
            var letter = await db.DeadLetters.AsNoTracking().SingleAsync(d => d.AggregateId == id.ToString());
            return (id, letter.Id, fault);
        }
        catch
        {
            await fault.DisposeAsync();
            throw;
        }
    }

    Task<RemediationResult> RetryAsync(Guid letterId) =>
        app.GetRequiredService<DeadLetterRemediation>().RetryAsync(RemediationHarness.Remediator(), letterId);

    async Task<DeadLetter> LetterAsync(Guid id)
    {
        await using var db = fixture.CreateContext();
        return await db.DeadLetters.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    static void AddRemediation(IServiceCollection services, IConfiguration config)
    {
        services.AddAuthorizationBuilder().AddOpsPolicies();
        // The approval-action handlers, registered beside these, redo actions for users.
        services.AddIdentityCore<OpsUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<OpsDbContext>();
        services.AddDeadLetters(config);
    }
}

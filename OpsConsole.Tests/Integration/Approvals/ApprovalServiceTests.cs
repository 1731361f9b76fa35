using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

[Trait("Category", "Integration")]
public sealed class ApprovalServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly ApprovalHarness harness = new(fixture);

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Expired_request_refuses_approval_with_the_domain_message()
    {
        var app = harness.Instance();
        var service = app.GetRequiredService<ApprovalService>();
        var id = await harness.CreateAsync(service);
        harness.Clock.Advance(TimeSpan.FromHours(25));
        await app.GetRequiredService<SlaTimers>().ApplyDueAsync();

        var outcome = await service.ApproveAsync(id, ApprovalHarness.User("manager@demo.local", Roles.Manager));

        var refused = Assert.IsType<TransitionOutcome.Refused>(outcome);
        Assert.Equal(ApprovalRefusals.WrongStatus(await harness.ReadAsync(id), ApprovalAction.Approve), refused.Reason);
        Assert.Contains("Expired", refused.Reason);
        Assert.Equal(ApprovalStatus.Expired, (await harness.ReadAsync(id)).Status);
    }

    [Fact]
    public async Task Requester_cannot_approve_their_own_request()
    {
        var service = harness.Instance().GetRequiredService<ApprovalService>();
        var id = await harness.CreateAsync(service);

        var outcome = await service.ApproveAsync(id, ApprovalHarness.User(ApprovalHarness.Requester, Roles.Operator));

        Assert.Contains("segregation of duties", Assert.IsType<TransitionOutcome.Refused>(outcome).Reason);
    }

    [Fact]
    public async Task Rejection_is_audited_with_actor_tier_and_reason()
    {
        var service = harness.Instance().GetRequiredService<ApprovalService>();
        var id = await harness.CreateAsync(service);

        Assert.IsType<TransitionOutcome.Applied>(
            await service.RejectAsync(id, ApprovalHarness.User("operator@demo.local", Roles.Operator), "amount too high"));

        var rejected = Assert.Single(await harness.AuditAsync(id), e => e.Action == ApprovalAuditActions.Rejected);
        Assert.Equal("operator@demo.local", rejected.Actor);
        Assert.Equal("amount too high", rejected.Details["reason"]!.GetValue<string>());
        Assert.Equal(1, rejected.Details["tier"]!.GetValue<int>());
        Assert.Equal(ApprovalStatus.Rejected, (await harness.ReadAsync(id)).Status);
    }

    [Fact]
    public async Task Unknown_department_is_refused_naming_the_field()
    {
        var service = harness.Instance().GetRequiredService<ApprovalService>();

        var result = await service.CreateAsync(ApprovalHarness.Mint() with { Department = "nowhere" });

        Assert.Null(result.Created);
        Assert.Equal("department", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task Resubmitting_an_expired_request_opens_a_linked_pending_one()
    {
        var app = harness.Instance();
        var service = app.GetRequiredService<ApprovalService>();
        var id = await harness.CreateAsync(service);
        harness.Clock.Advance(TimeSpan.FromHours(24));
        await app.GetRequiredService<SlaTimers>().ApplyDueAsync();

        Assert.IsType<TransitionOutcome.Applied>(await service.ResubmitAsync(id, ApprovalHarness.User("operator@demo.local", Roles.Operator)));

        await using var db = fixture.CreateContext();
        var fresh = Assert.Single(db.ApprovalRequests.Where(r => r.ResubmissionOf == id));
        Assert.Equal(ApprovalStatus.Pending, fresh.Status);
        Assert.Equal(harness.Clock.GetUtcNow().AddHours(4), fresh.NextDueAt);
    }

    [Fact]
    public async Task Approval_meeting_a_concurrent_write_is_retried_and_applied()
    {
        var service = harness.Instance().GetRequiredService<ApprovalService>();
        var id = await harness.CreateAsync(service);
        await using var other = new NpgsqlConnection(fixture.ConnectionString);
        await other.OpenAsync();
        await using var tx = await other.BeginTransactionAsync();
        await using (var touch = new NpgsqlCommand("UPDATE approval_requests SET title = title || ' (edited)' WHERE id = @id", other, tx))
        {
            touch.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await touch.ExecuteNonQueryAsync());
        }

        // The approval loads the old row, then its xmin-guarded UPDATE waits on the other writer's lock.
        var approving = service.ApproveAsync(id, ApprovalHarness.User("operator@demo.local", Roles.Operator));
        await Poll.UntilAsync(() => BlockedByAsync(other.ProcessID), n => n > 0);
        await tx.CommitAsync();

        var outcome = Assert.IsType<TransitionOutcome.Applied>(await approving);
        Assert.Equal(2, outcome.Attempts);
        var request = await harness.ReadAsync(id);
        Assert.Equal(ApprovalStatus.Approved, request.Status);
        Assert.EndsWith("(edited)", request.Title);
        Assert.Single(await harness.AuditAsync(id), e => e.Action == ApprovalAuditActions.Approved);
    }

    // The server is shared with other tests and the apps' own jobs, whose lock waits say nothing of this approval: count
    // only the sessions waiting on this test's writer.
    async Task<long> BlockedByAsync(int writer)
    {
        await using var conn = new NpgsqlConnection(fixture.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE @writer = ANY(pg_blocking_pids(pid))", conn);
        cmd.Parameters.AddWithValue("writer", writer);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}

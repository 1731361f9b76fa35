using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Audit;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>Two real console processes on one database: the first is killed in the middle of an SLA batch, the second
/// starts after it and finishes the work, each step once.</summary>
[Trait("Category", "Integration")]
public sealed class SlaKilledInstanceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const int Requests = 40;
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    readonly ApprovalHarness harness = new(fixture);

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task An_instance_killed_mid_batch_leaves_every_step_applied_once_after_restart()
    {
        // Opened on the harness's date, weeks before the real clock's now: each owes its reminder, escalation and expiry.
        var service = harness.Instance(Settings).GetRequiredService<ApprovalService>();
        var ids = new List<Guid>();
        for (var i = 0; i < Requests; i++)
            ids.Add(await harness.CreateAsync(service));

        await using (var hold = new NpgsqlConnection(fixture.ConnectionString))
        {
            // Appending to the trail waits while this lock is held: the first batch gets as far as its last statement.
            await hold.OpenAsync();
            await using var tx = await hold.BeginTransactionAsync();
            await using (var lockTrail = new NpgsqlCommand("LOCK TABLE audit_events IN SHARE MODE", hold, tx))
                await lockTrail.ExecuteNonQueryAsync();
            await using var first = ConsoleProcess.Start(Environment(batchSize: 10));
            await Poll.UntilAsync(BatchesWaitingOnTheTrailAsync, n => n > 0, Patience);
            await first.KillAsync();
            await tx.RollbackAsync();
        }
        Assert.Equal(0, await ReadAsync(db => db.AuditEvents.CountAsync(e => e.Action == ApprovalAuditActions.Reminded)));

        await using (var second = ConsoleProcess.Start(Environment(batchSize: 10)))
        {
            var expired = await Poll.UntilAsync(() => ReadAsync(db => db.ApprovalRequests.CountAsync(r => r.Status == ApprovalStatus.Expired)),
                n => n == Requests, Patience);
            Assert.True(expired == Requests, second.Printed);
        }

        foreach (var id in ids)
        {
            Assert.Equal([ApprovalAuditActions.Created, ApprovalAuditActions.Reminded, ApprovalAuditActions.Escalated, ApprovalAuditActions.Expired],
                (await harness.AuditAsync(id)).Select(e => e.Action));
            Assert.Equal(4, await ReadAsync(db => db.NotificationOutbox.CountAsync(o => o.SubjectId == id.ToString())));
        }
        var chain = await ReadAsync(db => db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        var verdict = AuditChainVerifier.Verify(chain);
        Assert.True(verdict.IsIntact, verdict.Break?.Reason);
    }

    static readonly Dictionary<string, string?> Settings = new() { ["Notifications:Webhook:Url"] = "http://127.0.0.1:9/hook" };

    Dictionary<string, string> Environment(int batchSize) => new()
    {
        [$"ConnectionStrings__{DatabaseSetup.ConnectionName}"] = fixture.ConnectionString,
        ["Demo__Enabled"] = "false",
        ["Sla__BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications__Webhook__Url"] = Settings["Notifications:Webhook:Url"]!,
        ["Notifications__DispatchInterval"] = "01:00:00",
    };

    /// <summary>Transactions that have updated requests and now wait for a lock: batches stopped before their commit.</summary>
    async Task<long> BatchesWaitingOnTheTrailAsync()
    {
        await using var conn = new NpgsqlConnection(fixture.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
            WHERE a.datname = current_database() AND a.wait_event_type = 'Lock'
              AND l.relation = 'approval_requests'::regclass AND l.mode = 'RowExclusiveLock' AND l.granted
            """, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    async Task<T> ReadAsync<T>(Func<OpsDbContext, Task<T>> read)
    {
        await using var db = fixture.CreateContext();
        return await read(db);
    }
}

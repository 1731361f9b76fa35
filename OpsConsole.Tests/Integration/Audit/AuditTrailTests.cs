using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OpsConsole.Domain.Audit;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Audit;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Audit;

[Trait("Category", "Integration")]
public class AuditTrailTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    readonly AuditTrail trail = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task Appended_events_chain_each_to_the_one_before()
    {
        await using var db = fixture.CreateContext();
        var first = await trail.AppendAloneAsync(db, new AuditEntry("admin@demo.local", "user.created", "user", "a@x"));
        var second = await trail.AppendAloneAsync(db, new AuditEntry("admin@demo.local", "user.disabled", "user", "a@x", new() { ["reason"] = "left" }));

        await using var read = fixture.CreateContext();
        var rows = await read.AuditEvents.Where(e => e.Id == first.Id || e.Id == second.Id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(rows[0].Hash, rows[1].PrevHash);
        Assert.All(rows, r => Assert.Equal(r.Hash, AuditChain.ComputeHash(r.PrevHash, r)));
    }

    [Fact]
    public async Task The_database_refuses_update_and_delete_of_audit_events()
    {
        await using var db = fixture.CreateContext();
        var e = await trail.AppendAloneAsync(db, new AuditEntry("admin@demo.local", "user.created", "user", "b@x"));

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE audit_events SET actor = 'mallory' WHERE id = {e.Id}"));
        Assert.Contains("append-only", update.MessageText);
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"DELETE FROM audit_events WHERE id = {e.Id}"));
        Assert.Contains("append-only", delete.MessageText);
    }

    [Fact]
    public async Task Append_outside_a_transaction_is_refused()
    {
        await using var db = fixture.CreateContext();
        await Assert.ThrowsAsync<InvalidOperationException>(() => trail.AppendAsync(db, new AuditEntry("a", "b", "c", "d")));
    }
}

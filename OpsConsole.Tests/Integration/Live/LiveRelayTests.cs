using Npgsql;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Live;

[Trait("Category", "Integration")]
public class LiveRelayTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Change_announced_in_a_committed_transaction_reaches_feed_subscribers()
    {
        await using var live = await RelayHost.StartAsync(fixture.ConnectionString);
        var inbox = new LiveInbox();
        using var _ = await live.FollowAsync(LiveTopics.Approvals, inbox.Add);
        var subject = Guid.NewGuid().ToString();

        await using (var db = fixture.CreateContext())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await live.Announcer.AnnounceAsync(db, new LiveChange(LiveTopics.Approvals, LiveChange.Created, subject,
                new Dictionary<string, string> { ["status"] = "Pending" }));
            await tx.CommitAsync();
        }

        var change = await inbox.WaitForAsync(c => c.SubjectId == subject, "for the committed subject");
        Assert.Equal(LiveChange.Created, change.Kind);
        Assert.Equal("Pending", change.Data!["status"]);
    }

    [Fact]
    public async Task Every_change_of_a_coalesced_commit_reaches_feed_subscribers_in_order()
    {
        await using var live = await RelayHost.StartAsync(fixture.ConnectionString);
        var inbox = new LiveInbox();
        using var _ = await live.FollowAsync(LiveTopics.Approvals, inbox.Add);
        var subjects = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid().ToString()).ToList();

        await using (var db = fixture.CreateContext())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await live.Announcer.AnnounceAsync(db, [.. subjects.Select(s => new LiveChange(LiveTopics.Approvals, LiveChange.Changed, s))]);
            await tx.CommitAsync();
        }

        await inbox.WaitForAsync(c => c.SubjectId == subjects[^1], "for the last subject of the commit");
        Assert.Equal(subjects, inbox.All.Select(c => c.SubjectId));
    }

    [Fact]
    public async Task Change_announced_in_a_rolled_back_transaction_is_never_delivered()
    {
        await using var live = await RelayHost.StartAsync(fixture.ConnectionString);
        var inbox = new LiveInbox();
        using var _ = await live.FollowAsync(LiveTopics.DeadLetters, inbox.Add);

        await using (var db = fixture.CreateContext())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await live.Announcer.AnnounceAsync(db, new LiveChange(LiveTopics.DeadLetters, LiveChange.Created, "rolled-back"));
            await tx.RollbackAsync();
        }
        // PostgreSQL delivers in commit order, so once this later commit has arrived the rolled-back one never will.
        await using (var db = fixture.CreateContext())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await live.Announcer.AnnounceAsync(db, new LiveChange(LiveTopics.DeadLetters, LiveChange.Created, "committed-after"));
            await tx.CommitAsync();
        }

        await inbox.WaitForAsync(c => c.SubjectId == "committed-after", "committed after the rollback");
        Assert.DoesNotContain(inbox.All, c => c.SubjectId == "rolled-back");
    }

    [Fact]
    public async Task Announcement_without_a_context_is_delivered_at_once()
    {
        await using var live = await RelayHost.StartAsync(fixture.ConnectionString);
        var inbox = new LiveInbox();
        using var _ = await live.FollowAsync(LiveTopics.Jobs, inbox.Add);

        await live.Announcer.AnnounceAsync(new LiveChange(LiveTopics.Jobs, LiveChange.Changed, "sla-due"));

        await inbox.WaitForAsync(c => c.SubjectId == "sla-due", "for the job");
    }

    [Fact]
    public async Task Relay_reconnects_after_its_connection_is_killed_and_delivers_later_changes()
    {
        await using var live = await RelayHost.StartAsync(fixture.ConnectionString);
        var inbox = new LiveInbox();
        using var _ = await live.FollowAsync(LiveTopics.Alerts, inbox.Add);
        var killed = await RelayBackendsAsync();
        Assert.NotEmpty(killed);

        await using (var conn = await OpenAsync())
        await using (var kill = new NpgsqlCommand("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM unnest(@pids) AS pid", conn))
        {
            // Every relay backend of this database, so one left by an earlier test's host cannot be mistaken for this one.
            kill.Parameters.AddWithValue("pids", killed.ToArray());
            Assert.True((long)(await kill.ExecuteScalarAsync())! >= 1);
        }

        // The relay says "resync" once it listens again, since anything sent in between was lost.
        await inbox.WaitForAsync(c => c.Kind == LiveChange.Resync, "asking to resync");
        await live.Announcer.AnnounceAsync(new LiveChange(LiveTopics.Alerts, LiveChange.Created, "after-reconnect"));
        await inbox.WaitForAsync(c => c.SubjectId == "after-reconnect", "announced after the reconnect");
        Assert.Contains(await RelayBackendsAsync(), pid => !killed.Contains(pid));
    }

    async Task<NpgsqlConnection> OpenAsync()
    {
        var conn = new NpgsqlConnection(fixture.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    async Task<List<int>> RelayBackendsAsync()
    {
        await using var conn = await OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()", conn);
        cmd.Parameters.AddWithValue("name", LiveRelay.ApplicationName);
        var pids = new List<int>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            pids.Add(reader.GetInt32(0));
        return pids;
    }
}

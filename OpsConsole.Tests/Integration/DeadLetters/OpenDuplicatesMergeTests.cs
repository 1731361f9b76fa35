using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.DeadLetters;

/// <summary>
/// The migration that makes one open record per work the rule merges the duplicates older versions wrote: a database
/// migrated up to Foundation is given duplicates, then migrated the rest of the way.
/// </summary>
[Trait("Category", "Integration")]
public class OpenDuplicatesMergeTests : IAsyncLifetime
{
    static readonly DateTimeOffset T = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    string connectionString = "";

    public async Task InitializeAsync()
    {
        var pg = await TestPostgres.GetServerAsync();
        var name = "merge_" + Guid.NewGuid().ToString("N")[..12];
        await pg.EnsureDatabaseAsync(name);
        connectionString = pg.ConnectionStringFor(name);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Open_duplicates_are_merged_into_one_record_before_the_unique_index()
    {
        await using (var db = Context())
            await db.GetService<IMigrator>().MigrateAsync("Foundation");
        var a1 = await InsertAsync("req-a", "approval.Approve", "Unresolved", T.AddMinutes(-30), T.AddMinutes(-29));
        var a2 = await InsertAsync("req-a", "approval.Approve", "Unresolved", T.AddMinutes(-20), T.AddMinutes(-19));
        var a3 = await InsertAsync("req-a", "approval.Approve", "Unresolved", T.AddMinutes(-10), T.AddMinutes(-9));
        var bRetrying = await InsertAsync("req-b", "approval.Approve", "Retrying", T.AddMinutes(-40), T.AddMinutes(-39));
        var bNewer = await InsertAsync("req-b", "approval.Approve", "Unresolved", T.AddMinutes(-5), T.AddMinutes(-4));
        var otherOperation = await InsertAsync("req-a", "approval.Reject", "Unresolved", T.AddMinutes(-8), T.AddMinutes(-7));
        var closed = await InsertAsync("req-c", "approval.Approve", "Resolved", T.AddMinutes(-50), T.AddMinutes(-49));
        var reopened = await InsertAsync("req-c", "approval.Approve", "Unresolved", T.AddMinutes(-3), T.AddMinutes(-2));

        await using (var db = Context())
            await db.Database.MigrateAsync();

        await using var read = Context();
        var letters = await read.DeadLetters.AsNoTracking().ToDictionaryAsync(d => d.Id);
        var history = await read.DeadLetterActions.AsNoTracking().OrderBy(a => a.Id).ToListAsync();

        // The newest of the three is kept, counting all three, from the first failure to the last.
        Assert.Equal((DeadLetterStatus.Unresolved, 3), (letters[a3].Status, letters[a3].Occurrences));
        Assert.Equal((T.AddMinutes(-30), T.AddMinutes(-9)), (letters[a3].FirstFailedAt, letters[a3].LastFailedAt));
        foreach (var merged in new[] { a1, a2 })
        {
            Assert.Equal(DeadLetterStatus.Discarded, letters[merged].Status);
            Assert.NotNull(letters[merged].ClosedAt);
            var row = Assert.Single(history, h => h.DeadLetterId == merged);
            Assert.Equal(("system:dead-letters", DeadLetterActions.Discarded, "discarded"), (row.Actor, row.Action, row.Outcome));
            Assert.Contains($"Merged into {a3}", row.Note);
        }
        Assert.Contains("Absorbed 2 duplicate", Assert.Single(history, h => h.DeadLetterId == a3).Note);

        // The record a retry holds is kept, so the retry's result lands on a record that stays.
        Assert.Equal((DeadLetterStatus.Retrying, 2), (letters[bRetrying].Status, letters[bRetrying].Occurrences));
        Assert.Equal(T.AddMinutes(-4), letters[bRetrying].LastFailedAt);
        Assert.Equal(DeadLetterStatus.Discarded, letters[bNewer].Status);

        // Other operations, and closed records, are not duplicates.
        foreach (var untouched in new[] { otherOperation, closed, reopened })
        {
            Assert.Equal(1, letters[untouched].Occurrences);
            Assert.DoesNotContain(history, h => h.DeadLetterId == untouched);
        }
        Assert.Equal(DeadLetterStatus.Unresolved, letters[reopened].Status);

        var duplicate = await Assert.ThrowsAsync<PostgresException>(() =>
            InsertAsync("req-a", "approval.Approve", "Unresolved", T, T));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
    }

    OpsDbContext Context()
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        return new OpsDbContext(options.Options);
    }

    async Task<Guid> InsertAsync(string aggregateId, string operation, string status, DateTimeOffset first, DateTimeOffset last)
    {
        var id = Guid.CreateVersion7(last);
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO dead_letters (id, aggregate_type, aggregate_id, operation, reason_message, retry_count, first_failed_at,
                last_failed_at, source, payload, status, fingerprint, closed_at)
            VALUES (@id, 'approval_request', @aggregate, @operation, 'conflict', 3, @first, @last, 'ui', '{}', @status, 'fp',
                CASE WHEN @status = 'Resolved' THEN @last END)
            """, conn);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("aggregate", aggregateId);
        cmd.Parameters.AddWithValue("operation", operation);
        cmd.Parameters.AddWithValue("first", first);
        cmd.Parameters.AddWithValue("last", last);
        cmd.Parameters.AddWithValue("status", status);
        await cmd.ExecuteNonQueryAsync();
        return id;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.Live;

/// <summary>
/// Announces a change to every instance with NOTIFY. Called inside the transaction of the change, PostgreSQL delivers
/// the announcement only when that transaction commits, and never when it rolls back.
/// </summary>
public sealed class LiveAnnouncer(IOptions<LiveOptions> options, LiveTopicRegistry topics)
{
    public const string Channel = "ops_live";

    /// <summary>Announces on the context's connection and, when one is open, in its transaction.</summary>
    public Task AnnounceAsync(OpsDbContext db, LiveChange change, CancellationToken ct = default) => AnnounceAsync(db, [change], ct);

    /// <summary>Announces a commit's changes coalesced per topic (<see cref="LiveBatch"/>), in one statement.</summary>
    public Task AnnounceAsync(OpsDbContext db, IReadOnlyList<LiveChange> changes, CancellationToken ct = default) =>
        NotifyAsync(db, Notices(changes), ct);

    /// <summary>The NOTIFYs that announce the changes, coalesced per topic (<see cref="LiveBatch"/>), for a caller that
    /// sends them together with others.</summary>
    public IReadOnlyList<(string Channel, string Payload)> Notices(IReadOnlyList<LiveChange> changes) =>
        changes.Count == 0 ? [] : [.. LiveBatch.ToPayloads(changes, topics).Select(p => (Channel, p))];

    /// <summary>Sends the payloads on the channel in one statement; PostgreSQL delivers them in this order, and in a
    /// transaction only when it commits.</summary>
    public static Task NotifyAsync(OpsDbContext db, string channel, IReadOnlyList<string> payloads, CancellationToken ct) =>
        NotifyAsync(db, [.. payloads.Select(p => (channel, p))], ct);

    /// <summary>Sends each payload on its channel, all in one statement (nothing when there are none); PostgreSQL
    /// delivers them in this order, and in a transaction only when it commits.</summary>
    public static Task NotifyAsync(OpsDbContext db, IReadOnlyList<(string Channel, string Payload)> notices, CancellationToken ct) =>
        notices.Count == 0 ? Task.CompletedTask
            : db.Database.ExecuteSqlRawAsync("SELECT pg_notify(c, p) FROM unnest(@channels, @payloads) WITH ORDINALITY AS n(c, p, i) ORDER BY i",
                [new NpgsqlParameter("channels", notices.Select(n => n.Channel).ToArray()),
                    new NpgsqlParameter("payloads", notices.Select(n => n.Payload).ToArray())], ct);

    /// <summary>Announces at once on a connection of its own, for changes already committed elsewhere.</summary>
    public async Task AnnounceAsync(LiveChange change, CancellationToken ct = default)
    {
        var payload = change.ToPayload(topics);
        await using var conn = new NpgsqlConnection(options.Value.ConnectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", conn);
        cmd.Parameters.AddWithValue("channel", Channel);
        cmd.Parameters.AddWithValue("payload", payload);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

using Npgsql;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Live;

[Trait("Category", "Integration")]
public class LiveChangeTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    static readonly LiveTopicRegistry Topics = new(AppLiveTopics.All);

    [Fact]
    public void Payload_is_compact_camel_case_json_without_empty_fields()
    {
        var payload = new LiveChange(LiveTopics.DeadLetters, LiveChange.Changed, "dl-7").ToPayload(Topics);

        Assert.Equal("""{"topic":"dead-letters","kind":"changed","subjectId":"dl-7"}""", payload);
        Assert.Equal(new LiveChange(LiveTopics.DeadLetters, LiveChange.Changed, "dl-7"), LiveChange.FromPayload(payload, Topics));
    }

    [Fact]
    public void Unknown_topic_and_foreign_payloads_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new LiveChange("no-such-topic", LiveChange.Created).ToPayload(Topics));
        Assert.Null(LiveChange.FromPayload("hello", Topics));
        Assert.Null(LiveChange.FromPayload("""{"topic":"no-such-topic","kind":"created"}""", Topics));
    }

    [Fact]
    public void Changes_of_one_commit_travel_coalesced_per_topic_and_read_back_each_in_order()
    {
        var changes = Enumerable.Range(0, 500).Select(i => new LiveChange(LiveTopics.Approvals, i % 7 == 0 ? LiveChange.Created : LiveChange.Changed,
            Guid.NewGuid().ToString(), new Dictionary<string, string> { ["status"] = "Pending", ["tier"] = $"{i % 3 + 1}" }))
            .Append(new LiveChange(LiveTopics.DeadLetters, LiveChange.Created, "dl-1")).ToList();

        var payloads = LiveBatch.ToPayloads(changes, Topics);

        Assert.InRange(payloads.Count, 2, 20);
        Assert.All(payloads, p => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(p), 1, LiveChange.MaxPayloadBytes));
        Assert.Equal(changes, payloads.SelectMany(p => LiveBatch.FromPayload(p, Topics)), new LiveChangeComparer());
        // A topic with one change keeps the payload of one change, which instances of an earlier build read too.
        Assert.Equal(changes[^1].ToPayload(Topics), payloads[^1]);
    }

    [Fact]
    public async Task Largest_payload_PostgreSQL_accepts_is_announced_and_one_byte_more_is_refused()
    {
        await using var live = await RelayHost.StartAsync(fixture.ConnectionString);
        var inbox = new LiveInbox();
        using var _ = await live.FollowAsync(LiveTopics.Audit, inbox.Add);
        var largest = Padded(LiveChange.MaxPayloadBytes);

        await live.Announcer.AnnounceAsync(largest);
        await inbox.WaitForAsync(c => c.SubjectId == "big", "of the largest size");

        var tooLarge = Padded(LiveChange.MaxPayloadBytes + 1);
        await Assert.ThrowsAsync<ArgumentException>(() => live.Announcer.AnnounceAsync(tooLarge));
        // The limit is PostgreSQL's own: it refuses the same size when asked directly.
        await using var conn = new NpgsqlConnection(fixture.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_notify('ops_live', @payload)", conn);
        cmd.Parameters.AddWithValue("payload", new string('x', LiveChange.MaxPayloadBytes + 1));
        await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
    }

    static LiveChange Padded(int bytes)
    {
        var empty = new LiveChange(LiveTopics.Audit, LiveChange.Created, "big", new Dictionary<string, string> { ["pad"] = "" });
        var pad = new string('x', bytes - System.Text.Encoding.UTF8.GetByteCount(empty.ToPayload(Topics)));
        return empty with { Data = new Dictionary<string, string> { ["pad"] = pad } };
    }

    sealed class LiveChangeComparer : IEqualityComparer<LiveChange>
    {
        public bool Equals(LiveChange? x, LiveChange? y) => (x, y) is ({ } a, { } b) && (a.Topic, a.Kind, a.SubjectId) == (b.Topic, b.Kind, b.SubjectId)
            && (a.Data ?? new Dictionary<string, string>()).OrderBy(p => p.Key).SequenceEqual((b.Data ?? new Dictionary<string, string>()).OrderBy(p => p.Key));

        public int GetHashCode(LiveChange obj) => HashCode.Combine(obj.Topic, obj.Kind, obj.SubjectId);
    }
}

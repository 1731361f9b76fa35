using System.Collections.Concurrent;
using Npgsql;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>Listens, as every app instance does, for the live changes announced on the funding topic.</summary>
sealed class FundingLiveListener : IAsyncDisposable
{
    readonly NpgsqlConnection connection;
    readonly ConcurrentQueue<LiveChange> heard = new();

    FundingLiveListener(NpgsqlConnection connection) => this.connection = connection;

    public static async Task<FundingLiveListener> StartAsync(DatabaseFixture fixture, LiveTopicRegistry topics)
    {
        var listener = new FundingLiveListener(new NpgsqlConnection(fixture.ConnectionString));
        listener.connection.Notification += (_, e) =>
        {
            foreach (var change in LiveBatch.FromPayload(e.Payload, topics).Where(c => c.Topic == LiveTopics.Funding))
                listener.heard.Enqueue(change);
        };
        await listener.connection.OpenAsync();
        await using var listen = new NpgsqlCommand($"LISTEN {LiveAnnouncer.Channel}", listener.connection);
        await listen.ExecuteNonQueryAsync();
        return listener;
    }

    /// <summary>The changes heard about the subject once at least <paramref name="count"/> arrived (notifications come
    /// after the commit, on their own schedule), oldest first.</summary>
    public async Task<IReadOnlyList<LiveChange>> HeardAsync(string subjectId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (heard.Count(c => c.SubjectId == subjectId) < count && DateTime.UtcNow < deadline)
            await connection.WaitAsync(TimeSpan.FromMilliseconds(200));
        return [.. heard.Where(c => c.SubjectId == subjectId)];
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using OpsConsole.Platform.Live;

/// <summary>
/// Two console processes on the bench database (Quartz clustered, wake-ups on) while reminders fall due evenly spread
/// over a window, optionally killing one instance halfway. A step's lateness is when its NOTIFY, sent in its transaction,
/// reached a listening connection (so after its commit) minus its due time; a notice's is its first delivery attempt
/// (delivered, or failed against the closed port it is sent to) minus the step's commit.
/// </summary>
static class LatenessRun
{
    public static async Task<string> RunAsync(string cs, string workDir, string label, TimeSpan window, int steps, bool killHalfway)
    {
        var first = DateTimeOffset.UtcNow.AddSeconds(45);
        var gap = window / steps;
        await BenchSeed.AddDueInStreamAsync(cs, label, steps, first, gap);
        var due = await ReadAsync(cs, $"SELECT id::text, next_due_at FROM approval_requests WHERE title LIKE '{label} %'");

        var seen = new ConcurrentDictionary<string, DateTimeOffset>();
        using var stop = new CancellationTokenSource();
        var listening = ListenAsync(cs, due, seen, stop.Token);
        var clock = Stopwatch.StartNew();
        await using var a = await ConsoleInstance.StartAsync(cs, workDir);
        await using var b = await ConsoleInstance.StartAsync(cs, workDir);
        var killed = "";
        var end = first + window + TimeSpan.FromSeconds(30);
        while (DateTimeOffset.UtcNow < end && seen.Count < due.Count)
        {
            if (killHalfway && killed.Length == 0 && DateTimeOffset.UtcNow >= first + window / 2)
            {
                await a.KillAsync();
                killed = $", instance a killed at {(DateTimeOffset.UtcNow - first).TotalSeconds:F0} s into the window";
            }
            await Task.Delay(200);
        }
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        try { await listening; } catch (OperationCanceledException) { }

        var ids = string.Join(",", due.Keys.Select(k => $"'{k}'"));
        var claimed = await ReadAsync(cs, $"SELECT id::text, reminded_at FROM approval_requests WHERE id IN ({ids}) AND reminded_at IS NOT NULL");
        var sent = await ReadAsync(cs, $"""
            SELECT id::text, coalesce(delivered_at, first_failed_at) FROM notification_outbox
            WHERE subject_id IN ({ids}) AND event_key = 'approval.reminder' AND coalesce(delivered_at, first_failed_at) IS NOT NULL
            """);
        var subjects = await ReadPairsAsync(cs, $"SELECT id::text, subject_id FROM notification_outbox WHERE subject_id IN ({ids}) AND event_key = 'approval.reminder'");
        var noticeLate = sent.Where(s => seen.ContainsKey(subjects[s.Key])).Select(s => (s.Value - seen[subjects[s.Key]]).TotalSeconds).ToList();
        return $"{label}: {steps:N0} reminders due evenly over {window.TotalMinutes:F1} min among the other Pending requests, " +
            $"two instances{killed} ({clock.Elapsed.TotalSeconds:F0} s in all):{Environment.NewLine}" +
            $"  step visible (NOTIFY after commit) - due: {Summary([.. seen.Select(s => (s.Value - due[s.Key]).TotalSeconds)], steps)}{Environment.NewLine}" +
            $"  step claimed (reminded_at) - due:        {Summary([.. claimed.Select(c => (c.Value - due[c.Key]).TotalSeconds)], steps)}{Environment.NewLine}" +
            $"  notice first attempt - step visible:     {Summary(noticeLate, subjects.Count)} (rows)";
    }

    static string Summary(List<double> late, int count)
    {
        if (late.Count == 0)
            return $"none of {count:N0}";
        late.Sort();
        string P(double q) => $"{late[Math.Min(late.Count - 1, (int)Math.Ceiling(q * late.Count) - 1)]:F3}";
        return $"{late.Count:N0} of {count:N0}; p50 {P(0.50)} s, p99 {P(0.99)} s, max {late[^1]:F3} s";
    }

    static async Task<Dictionary<string, DateTimeOffset>> ReadAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 120 };
        await using var reader = await cmd.ExecuteReaderAsync();
        var at = new Dictionary<string, DateTimeOffset>();
        while (await reader.ReadAsync())
            at[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        return at;
    }

    static async Task<Dictionary<string, string>> ReadPairsAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 120 };
        await using var reader = await cmd.ExecuteReaderAsync();
        var pairs = new Dictionary<string, string>();
        while (await reader.ReadAsync())
            pairs[reader.GetString(0)] = reader.GetString(1);
        return pairs;
    }

    static async Task ListenAsync(string cs, Dictionary<string, DateTimeOffset> due, ConcurrentDictionary<string, DateTimeOffset> seen,
        CancellationToken ct)
    {
        var topics = new LiveTopicRegistry([new LiveTopic(LiveTopics.Approvals, LiveAudience.HoldersOf("bench"))]);
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync(ct);
        conn.Notification += (_, e) =>
        {
            var at = DateTimeOffset.UtcNow;
            foreach (var change in LiveBatch.FromPayload(e.Payload, topics))
                if (change.SubjectId is { } id && due.ContainsKey(id))
                    seen.TryAdd(id, at);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {LiveAnnouncer.Channel}", conn))
            await listen.ExecuteNonQueryAsync(ct);
        while (true)
            await conn.WaitAsync(ct);
    }
}

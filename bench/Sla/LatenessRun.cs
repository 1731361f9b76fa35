using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpsConsole.Platform.Live;

/// <summary>
/// Runs the real SlaDueJob through Quartz (clustered AdoJobStore on PostgreSQL, every Sla:DueJobInterval = 15 s) while
/// requests fall due one after another, and times when each reminder became visible: the moment its NOTIFY, sent in
/// the step's transaction, reached a listener, i.e. after commit. Lateness is that moment minus the step's due time.
/// </summary>
static class LatenessRun
{
    public static async Task<string> RunAsync(string cs, TimeSpan window, int perSecond)
    {
        var count = (int)(window.TotalSeconds * perSecond);
        var first = DateTimeOffset.UtcNow.AddSeconds(20);
        await BenchSeed.AddDueInStreamAsync(cs, count, first, TimeSpan.FromSeconds(1.0 / perSecond));
        var due = await DueTimesAsync(cs);

        var seen = new ConcurrentDictionary<string, DateTimeOffset>();
        using var stop = new CancellationTokenSource();
        using var host = BenchApp.ScheduledHost(cs);
        var listening = ListenAsync(cs, host.Services.GetRequiredService<LiveTopicRegistry>(), due, seen, stop.Token);
        var clock = Stopwatch.StartNew();
        await host.StartAsync();
        var end = first.AddSeconds(count / (double)perSecond) + TimeSpan.FromSeconds(30);
        while (DateTimeOffset.UtcNow < end && seen.Count < due.Count)
            await Task.Delay(1000);
        await host.StopAsync();
        await stop.CancelAsync();
        try { await listening; } catch (OperationCanceledException) { }

        var visible = seen.Select(s => (s.Value - due[s.Key]).TotalSeconds).ToList();
        var claimed = (await RemindedAtAsync(cs)).Select(r => (r.Value - due[r.Key]).TotalSeconds).ToList();
        return $"Lateness of the reminder of {count:N0} requests falling due {perSecond}/s over {window.TotalMinutes:F1} min, " +
            $"SlaDueJob under Quartz every 15 s ({clock.Elapsed.TotalSeconds:F0} s in all):{Environment.NewLine}" +
            $"  visible (NOTIFY after commit): {Summary(visible, count)}{Environment.NewLine}" +
            $"  claimed (reminded_at, the batch's clock): {Summary(claimed, count)}";
    }

    static string Summary(List<double> late, int count)
    {
        if (late.Count == 0)
            return $"none of {count:N0} fired";
        late.Sort();
        string P(double q) => $"{late[Math.Min(late.Count - 1, (int)Math.Ceiling(q * late.Count) - 1)]:F1}";
        return $"{late.Count:N0} of {count:N0} fired; p50 {P(0.50)} s, p99 {P(0.99)} s, max {late[^1]:F1} s";
    }

    static async Task<Dictionary<string, DateTimeOffset>> RemindedAtAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT id::text, reminded_at FROM approval_requests WHERE title LIKE 'Stream %' AND reminded_at IS NOT NULL", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var at = new Dictionary<string, DateTimeOffset>();
        while (await reader.ReadAsync())
            at[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        return at;
    }

    static async Task<Dictionary<string, DateTimeOffset>> DueTimesAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT id::text, next_due_at FROM approval_requests WHERE title LIKE 'Stream %'", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var due = new Dictionary<string, DateTimeOffset>();
        while (await reader.ReadAsync())
            due[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        return due;
    }

    static async Task ListenAsync(string cs, LiveTopicRegistry topics, Dictionary<string, DateTimeOffset> due,
        ConcurrentDictionary<string, DateTimeOffset> seen, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync(ct);
        conn.Notification += (_, e) =>
        {
            var at = DateTimeOffset.UtcNow;
            if (LiveChange.FromPayload(e.Payload, topics) is { Topic: LiveTopics.Approvals, SubjectId: { } id } && due.ContainsKey(id))
                seen.TryAdd(id, at);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {LiveAnnouncer.Channel}", conn))
            await listen.ExecuteNonQueryAsync(ct);
        while (true)
            await conn.WaitAsync(ct);
    }
}

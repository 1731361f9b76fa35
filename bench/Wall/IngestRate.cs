using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using OpsConsole.Platform.MachineAuth;

/// <summary>
/// An ingest endpoint (<see cref="IngestTarget"/>) at a fixed rate, open loop, each request signed when it is sent, as the
/// ceiling's loadgen does: each latency is measured from the request's scheduled send time, so a slow server or
/// a late scheduler counts against it (no coordinated omission). Bounded: rate × seconds requests, 10 s timeout each.
/// </summary>
static class IngestRate
{
    const int WarmUp = 3_000;

    /// <param name="timed">Called between the warm-up and the timed run (to start measuring what the server spends).</param>
    public static async Task<(string Figures, int Accepted)> RunAsync(BenchConsole console, IngestTarget target, int rate, int seconds,
        Func<Task>? timed = null)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var outcomes = new ConcurrentDictionary<string, int>();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = console.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var origin = DateTimeOffset.UtcNow;

        async Task<bool> SendAsync(int i, long scheduled)
        {
            var body = target.Body("R", i, origin);
            using var request = MachineRequests.Signed(HttpMethod.Post, target.Path, target.KeyId, target.Secret, DateTimeOffset.UtcNow, body);
            string outcome;
            try
            {
                using var response = await http.SendAsync(request);
                outcome = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception ex)
            {
                outcome = ex.GetType().Name;
            }
            if (i >= 0)
                latencies[i] = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
            outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            return outcome == "202";
        }

        // The console JITs and re-JITs tens of thousands of methods in its first minute under load; without this warm-up,
        // 16 at a time so it builds no backlog, the first part of the run measures the compiler instead of the ingest.
        await Parallel.ForEachAsync(Enumerable.Range(1, WarmUp), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => await SendAsync(-i, Stopwatch.GetTimestamp()));
        outcomes.Clear();
        if (timed is not null)
            await timed();

        var tasks = new Task<bool>[total];
        double maxLag = 0;
        var scheduler = new Thread(() =>
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < total; i++)
            {
                var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
                while (Stopwatch.GetTimestamp() < due)
                {
                    var wait = (due - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
                    if (wait >= 1)
                        Thread.Sleep((int)wait);
                    else
                        Thread.Yield();
                }
                maxLag = Math.Max(maxLag, Stopwatch.GetElapsedTime(due).TotalMilliseconds);
                tasks[i] = SendAsync(i, due);
            }
        });
        var wall = Stopwatch.StartNew();
        scheduler.Start();
        scheduler.Join();
        var ok = (await Task.WhenAll(tasks)).Count(x => x);
        var p = new Percentiles(latencies);
        var answered = string.Join(",", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}:{o.Value}"));
        return (string.Create(CultureInfo.InvariantCulture,
            $"rate={rate}/s seconds={seconds} sent={total} ok={ok} errors={total - ok} p50={p.P(0.50):F2} p95={p.P(0.95):F2} p99={p.P(0.99):F2} max={p.Max:F2} ms (wall {wall.Elapsed.TotalSeconds:F1} s, max send lag {maxLag:F2} ms, outcomes {answered})"), ok);
    }
}

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

    /// <param name="steadySeconds">How long the same rate runs, unmeasured, before the timed run: the console's jobs
    /// (the evaluator every 10 s, the dispatcher every 5 s) are still being compiled again at their second tier for
    /// minutes after start, which a console that has run for a day no longer does.</param>
    /// <param name="timed">Called between the warm-up and the timed run (to start measuring what the server spends).</param>
    public static async Task<(string Figures, int Accepted)> RunAsync(BenchConsole console, IngestTarget target, int rate, int seconds,
        int steadySeconds, Func<Task>? timed = null)
    {
        var outcomes = new ConcurrentDictionary<string, int>();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = console.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var origin = DateTimeOffset.UtcNow;
        var sent = 0;

        async Task<bool> SendAsync(int i, long scheduled, double[]? latencies)
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
            if (latencies is not null)
                latencies[i - sent] = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
            outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            return outcome == "202";
        }

        // The console JITs and re-JITs tens of thousands of methods in its first minute under load; without this warm-up,
        // 16 at a time so it builds no backlog, the first part of the run measures the compiler instead of the ingest.
        await Parallel.ForEachAsync(Enumerable.Range(0, WarmUp), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => await SendAsync(i, Stopwatch.GetTimestamp(), null));
        sent = WarmUp;
        if (steadySeconds > 0)
        {
            await AtRateAsync(rate * steadySeconds, rate, (i, due) => SendAsync(sent + i, due, null));
            sent += rate * steadySeconds;
        }
        outcomes.Clear();
        if (timed is not null)
            await timed();

        var total = rate * seconds;
        var latencies = new double[total];
        var wall = Stopwatch.StartNew();
        var (results, maxLag) = await AtRateAsync(total, rate, (i, due) => SendAsync(sent + i, due, latencies));
        var ok = results.Count(x => x);
        var p = new Percentiles(latencies);
        if (Environment.GetEnvironmentVariable("OPS_BENCH_TRACE") is { Length: > 0 } trace)
            File.WriteAllLines(trace, latencies.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{i * 1000.0 / rate:F1} {l:F2}")));
        var answered = string.Join(",", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}:{o.Value}"));
        return (string.Create(CultureInfo.InvariantCulture,
            $"rate={rate}/s seconds={seconds} after {steadySeconds} s at that rate sent={total} ok={ok} errors={total - ok} p50={p.P(0.50):F2} p95={p.P(0.95):F2} p99={p.P(0.99):F2} max={p.Max:F2} ms (wall {wall.Elapsed.TotalSeconds:F1} s, max send lag {maxLag:F2} ms, outcomes {answered})"), ok);
    }

    /// <summary>Sends <paramref name="count"/> requests at <paramref name="rate"/> a second from a thread of its own, each
    /// given its scheduled time; returns whether each was accepted and how late the latest send was.</summary>
    static async Task<(bool[] Accepted, double MaxLag)> AtRateAsync(int count, int rate, Func<int, long, Task<bool>> send)
    {
        var tasks = new Task<bool>[count];
        double maxLag = 0;
        var scheduler = new Thread(() =>
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
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
                tasks[i] = send(i, due);
            }
        });
        scheduler.Start();
        scheduler.Join();
        return (await Task.WhenAll(tasks), maxLag);
    }
}

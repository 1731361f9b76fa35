using System.Diagnostics;
using OpsConsole.Features.Approvals;

/// <summary>The wall time of whole due-job ticks that find nothing due (context, transaction, claim, commit), in ms.
/// Two databases are ticked in turn, so that the machine's changing load falls on both alike.</summary>
sealed record TickTimes(double Median, double P90, double Max)
{
    public static async Task CompareAsync(SlaTimers small, int smallCount, SlaTimers large, int largeCount, int runs, string largeCs)
    {
        var (a, b) = await MeasureInTurnAsync(small, large, runs);
        Console.WriteLine();
        Console.WriteLine($"Tick with nothing due ({runs} runs each, in turn, after 200 warm-ups), ms:");
        Console.WriteLine($"  {smallCount,7:N0} Pending: {a}");
        Console.WriteLine($"  {largeCount,7:N0} Pending: {b}");
        Console.WriteLine($"  ratio of medians: {b.Median / a.Median:F2}");

        // For comparison only: the same ticks when the claim cannot use the partial index on next_due_at.
        await BenchSeed.ExecuteAsync(largeCs, "DROP INDEX ix_approval_requests_pending_next_due_at");
        var (c, d) = await MeasureInTurnAsync(small, large, Math.Min(runs, 61));
        await BenchSeed.ExecuteAsync(largeCs,
            "CREATE INDEX ix_approval_requests_pending_next_due_at ON approval_requests (next_due_at) WHERE status = 'Pending'");
        Console.WriteLine($"  without the partial index on the large database: {d} (small database meanwhile: median {c.Median:F2}); ratio {d.Median / c.Median:F2}");
    }

    static async Task<(TickTimes, TickTimes)> MeasureInTurnAsync(SlaTimers small, SlaTimers large, int runs)
    {
        for (var i = 0; i < 100; i++)
        {
            await NothingAsync(small);
            await NothingAsync(large);
        }
        List<double> a = new(runs), b = new(runs);
        for (var i = 0; i < runs; i++)
        {
            a.Add(await NothingAsync(small));
            b.Add(await NothingAsync(large));
        }
        return (Of(a), Of(b));
    }

    static async Task<double> NothingAsync(SlaTimers timers)
    {
        var sw = Stopwatch.StartNew();
        if (await timers.ApplyDueAsync() != 0)
            throw new InvalidOperationException("A tick meant to find nothing due fired steps; the seed is wrong.");
        return sw.Elapsed.TotalMilliseconds;
    }

    static TickTimes Of(List<double> times)
    {
        times.Sort();
        return new TickTimes(times[times.Count / 2], times[(int)(times.Count * 0.9)], times[^1]);
    }

    public override string ToString() => $"median {Median:F2}, p90 {P90:F2}, max {Max:F2}";
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpsConsole.Platform.MachineAuth;

/// <summary>
/// An ingest endpoint (<see cref="IngestTarget"/>) as fast as the machine allows, measured as the ingest ceiling measures
/// its own POST /ingest: <c>wrk -t2 -c32 --latency</c> replaying requests signed just before the run (bench/Wall/signed.lua), so
/// the console keeps its real checks (signature, ±5 min clock, replay guard) and has no bench mode. Every line is a new
/// item signed once, so each request stores a row; a run that outran its lines shows the repeats as errors.
/// </summary>
static class IngestSaturation
{
    const int Threads = 2, Connections = 32;
    /// <summary>The ceiling's tiny app warms up in 5 s; the console JITs and re-JITs tens of thousands of methods in its
    /// first minute under load, which would otherwise be measured as the ingest.</summary>
    const int WarmUpSeconds = 30;

    public static async Task RunAsync(BenchConsole console, IngestTarget target, string workDir, int seconds, int runs, double ceilingRps)
    {
        Console.WriteLine($"Ingest, saturated: wrk -t{Threads} -c{Connections} -d{seconds}s --latency, POST {target.Path}, {runs} runs after a {WarmUpSeconds} s warm-up (load {MachineLoad.Average()}):");
        await WrkAsync(console, target, workDir, WarmUpSeconds, "warmup");
        List<double> rates = [];
        for (var run = 1; run <= runs; run++)
        {
            var (rps, p99, errors, sent, statuses) = await WrkAsync(console, target, workDir, seconds, $"run{run}");
            rates.Add(rps);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run}/{runs}: {rps:F0} req/s  p99 {p99:F2} ms  errors {errors} of {sent:N0}; {statuses}  (load {MachineLoad.Average()})"));
        }
        var median = new Percentiles(rates).P(0.5);
        var ratio = ceilingRps > 0
            ? FormattableString.Invariant($"; the ceiling's POST /ingest (HMAC + insert) in this run {ceilingRps:F0} req/s: ratio {median / ceilingRps:F2}")
            : "";
        Console.WriteLine(FormattableString.Invariant($"  median {median:F0} req/s{ratio}"));
    }

    static async Task<(double Rps, double P99, long Errors, long Sent, string Statuses)> WrkAsync(BenchConsole console, IngestTarget target, string workDir,
        int seconds, string name)
    {
        var file = Path.Combine(workDir, $"signed-{name}.txt");
        await WriteSignedAsync(target, file, target.LinesPerSecond * seconds);
        var wrk = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { $"-t{Threads}", $"-c{Connections}", $"-d{seconds}s", "--latency", "-s", Script(),
                     new Uri(console.BaseUrl, target.Path).ToString(), "--", file, Threads.ToString(CultureInfo.InvariantCulture) })
            wrk.ArgumentList.Add(arg);
        using var process = Process.Start(wrk)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(file);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"wrk failed:{Environment.NewLine}{output}{error}");
        var statuses = string.Join(", ", output.Split('\n').Where(l => l.StartsWith("status ", StringComparison.Ordinal)).Order());
        return (Number(output, "Requests/sec:"), Latency99(output), Errors(output), (long)Number(output, "requests in", before: true), statuses);
    }

    // One item per line, signed now by the target's key.
    static async Task WriteSignedAsync(IngestTarget target, string file, int count)
    {
        var origin = DateTimeOffset.UtcNow;
        var timestamp = origin.ToUnixTimeSeconds();
        await using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++)
        {
            var body = target.Body("S", i, origin);
            var signature = MachineSignature.Compute(target.Secret, "POST", target.Path, timestamp, Encoding.UTF8.GetBytes(body));
            await writer.WriteAsync($"{target.KeyId}\t{timestamp}\t{signature}\t{body}\n");
        }
    }

    static string Script() => Path.Combine(BenchConsole.Root(), "bench", "Wall", "signed.lua");

    // "  61234 requests in 15.10s, …" and "Requests/sec:   4056.21"
    static double Number(string output, string label, bool before = false)
    {
        var line = output.Split('\n').First(l => l.Contains(label, StringComparison.Ordinal));
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(words, w => label.StartsWith(w, StringComparison.Ordinal));
        return double.Parse(before ? words[at - 1] : words[^1], CultureInfo.InvariantCulture);
    }

    // The latency distribution's "99%  12.34ms" line, in milliseconds.
    static double Latency99(string output)
    {
        var value = output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("99%", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var digits = new string([.. value.TakeWhile(c => char.IsDigit(c) || c == '.')]);
        var number = double.Parse(digits, CultureInfo.InvariantCulture);
        return value[digits.Length..] switch { "us" => number / 1000, "s" => number * 1000, "m" => number * 60_000, _ => number };
    }

    // Non-2xx answers and socket errors (connect, read, write, timeout), as the ceiling's script counts them.
    static long Errors(string output)
    {
        long errors = 0;
        foreach (var line in output.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("Non-2xx", StringComparison.Ordinal))
                errors += long.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
            if (line.StartsWith("Socket errors:", StringComparison.Ordinal))
                errors += line["Socket errors:".Length..].Split(',').Sum(part => long.Parse(part.Trim().Split(' ')[^1], CultureInfo.InvariantCulture));
        }
        return errors;
    }
}

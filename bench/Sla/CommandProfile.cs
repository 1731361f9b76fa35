using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>With OPS_BENCH_PROFILE=1: the time EF Core waited for each kind of statement and for each commit, to see where
/// a tick goes.</summary>
sealed class CommandProfile : DbCommandInterceptor, IDbTransactionInterceptor
{
    public static readonly CommandProfile Instance = new();
    public static bool Enabled => Environment.GetEnvironmentVariable("OPS_BENCH_PROFILE") == "1";

    readonly ConcurrentDictionary<string, (int Count, double Ms)> totals = new();

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Add(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Add(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Add(command, eventData);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Add("COMMIT", eventData.Duration);
        return Task.CompletedTask;
    }

    /// <summary>What was waited for in all since the last report, in seconds.</summary>
    public double Waited => totals.Values.Sum(t => t.Ms) / 1000;

    void Add(DbCommand command, CommandExecutedEventData data)
    {
        var text = string.Join(' ', command.CommandText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Add(text.Length > 70 ? text[..70] : text, data.Duration);
    }

    void Add(string key, TimeSpan duration) =>
        totals.AddOrUpdate(key, (1, duration.TotalMilliseconds), (_, t) => (t.Count + 1, t.Ms + duration.TotalMilliseconds));

    public void Report(int top = 15)
    {
        var all = totals.ToArray();
        Console.WriteLine($"  statements and commits: {all.Sum(t => t.Value.Count):N0}, waited {all.Sum(t => t.Value.Ms) / 1000:F2} s in all; the largest:");
        foreach (var (key, (count, ms)) in all.OrderByDescending(t => t.Value.Ms).Take(top))
            Console.WriteLine($"  {ms / 1000,7:F3} s {count,7:N0}x {ms / count,7:F2} ms  {key}");
        totals.Clear();
    }
}

namespace OpsConsole.Features.DeadLetters;

/// <summary>How many dead letters each source opened per UTC day, for the overview's trend.</summary>
public interface IDeadLetterTrend
{
    /// <summary>The last <paramref name="days"/> days up to today, oldest first, one row per day and source that opened any.</summary>
    Task<IReadOnlyList<DeadLetterDay>> OpenedPerDayAsync(int days, CancellationToken ct = default);
}

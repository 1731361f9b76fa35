using System.Globalization;

namespace OpsConsole.Domain.Stellar;

/// <summary>Amounts on the ledger are int64 stroops; one unit is 10,000,000 stroops (7 decimals).</summary>
public static class Stroops
{
    public const long PerUnit = 10_000_000;
    public const int Decimals = 7;

    /// <summary>The stroops of <paramref name="amount"/>; an <see cref="ArgumentOutOfRangeException"/> naming the
    /// problem when it has more than 7 decimals or does not fit in int64.</summary>
    public static long FromDecimal(decimal amount) =>
        TryFromDecimal(amount, out var stroops, out var problem)
            ? stroops
            : throw new ArgumentOutOfRangeException(nameof(amount), problem);

    public static bool TryFromDecimal(decimal amount, out long stroops, out string? problem)
    {
        stroops = 0;
        // Compared before scaling, so that scaling cannot overflow decimal itself.
        if (amount > long.MaxValue / (decimal)PerUnit || amount < long.MinValue / (decimal)PerUnit)
        {
            problem = $"The amount must lie within ±{long.MaxValue / (decimal)PerUnit} (int64 stroops).";
            return false;
        }
        var scaled = amount * PerUnit;
        if (decimal.Truncate(scaled) != scaled)
        {
            problem = $"The amount must have at most {Decimals} decimals.";
            return false;
        }
        stroops = (long)scaled;
        problem = null;
        return true;
    }

    public static decimal ToDecimal(long stroops) => stroops / (decimal)PerUnit;

    /// <summary>The amount with all 7 decimals, as Horizon and the SDKs write it ("10.0000000").</summary>
    public static string Format(long stroops) =>
        ToDecimal(stroops).ToString("0.0000000", CultureInfo.InvariantCulture);
}

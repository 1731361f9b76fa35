using System.Globalization;

/// <summary>Nearest-rank percentiles of a set of samples, in milliseconds.</summary>
sealed class Percentiles(IEnumerable<double> samples)
{
    readonly double[] sorted = [.. samples.Order()];

    public int Count => sorted.Length;
    public double Max => sorted[^1];

    public double P(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count} p50={P(0.50):F1} p95={P(0.95):F1} p99={P(0.99):F1} max={Max:F1} ms");
}

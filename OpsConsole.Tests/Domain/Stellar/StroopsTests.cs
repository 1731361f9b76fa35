using OpsConsole.Domain.Stellar;

namespace OpsConsole.Tests.Domain.Stellar;

[Trait("Category", "Domain")]
public class StroopsTests
{
    [Theory]
    [InlineData("10", 100_000_000L)]
    [InlineData("0.0000001", 1L)]
    [InlineData("1234.5678901", 12_345_678_901L)]
    [InlineData("922337203685.4775807", long.MaxValue)]
    [InlineData("-922337203685.4775808", long.MinValue)]
    [InlineData("1.50000000000", 15_000_000L)]
    [InlineData("0", 0L)]
    public void Amounts_with_up_to_7_decimals_within_int64_convert(string amount, long stroops)
    {
        Assert.Equal(stroops, Stroops.FromDecimal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0.00000001", "at most 7 decimals")]
    [InlineData("1.23456789", "at most 7 decimals")]
    [InlineData("922337203685.4775808", "int64")]
    [InlineData("-922337203685.4775809", "int64")]
    [InlineData("79228162514264337593543950335", "int64")]
    public void More_than_7_decimals_or_an_overflow_is_refused_with_the_reason(string amount, string reason)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(Stroops.TryFromDecimal(value, out _, out var problem));
        Assert.Contains(reason, problem);
        Assert.Contains(reason, Assert.Throws<ArgumentOutOfRangeException>(() => Stroops.FromDecimal(value)).Message);
    }

    [Theory]
    [InlineData(100_000_000L, "10.0000000")]
    [InlineData(1L, "0.0000001")]
    [InlineData(long.MaxValue, "922337203685.4775807")]
    public void Stroops_format_with_all_7_decimals(long stroops, string text)
    {
        Assert.Equal(text, Stroops.Format(stroops));
    }
}

using System.Globalization;

namespace OpsConsole.Domain.Funding;

/// <summary>An amount of a funding asset as people read it: every digit it has, none it does not ("0.125 BTC").</summary>
public static class FundingAmount
{
    public static string Text(decimal amount, string asset) =>
        $"{amount.ToString("0.############################", CultureInfo.InvariantCulture)} {asset}";
}

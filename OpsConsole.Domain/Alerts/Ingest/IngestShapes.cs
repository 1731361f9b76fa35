using System.Text.RegularExpressions;

namespace OpsConsole.Domain.Alerts.Ingest;

/// <summary>The shapes of the names ingested records carry; none holds '|', which joins an account and an asset into one alert scope.</summary>
public static partial class IngestShapes
{
    public const string PairRule = "a pair of 1 to 16 letters or digits each, such as BTC/EUR";
    public const string IdRule = "1 to 128 letters, digits or . _ : - (starting with a letter or digit)";
    public const string AccountRule = "1 to 128 letters, digits or . _ : @ - (starting with a letter or digit)";

    [GeneratedRegex("^[A-Za-z0-9]{1,16}/[A-Za-z0-9]{1,16}$")]
    public static partial Regex Pair();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")]
    public static partial Regex Id();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$")]
    public static partial Regex Account();
}

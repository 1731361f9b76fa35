namespace OpsConsole.Features.Wall;

/// <summary>The words the wall uses for what it shows.</summary>
public static class WallWords
{
    /// <summary>An alert code as a heading: <c>reference_price_stale</c> reads "Reference price stale".</summary>
    public static string AlertTitle(string code)
    {
        var words = code.Replace('_', ' ').Trim();
        return words.Length == 0 ? code : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>"1 alert", "3 alerts".</summary>
    public static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}

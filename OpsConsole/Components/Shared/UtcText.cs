using System.Globalization;

namespace OpsConsole.Components.Shared;

/// <summary>How every page writes a moment: UTC to the second, the same in any browser's culture.</summary>
public static class UtcText
{
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? at) => at is { } t ? Format(t) : "—";
}

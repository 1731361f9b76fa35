using System.Text.RegularExpressions;

namespace OpsConsole.Domain.PackApprovals;

/// <summary>The shapes of the names and values a pack event carries.</summary>
public static partial class PackShapes
{
    public const int MaxGrants = 32;
    public const int MaxSteps = 200;
    public const int MaxValues = 32;
    public const int MaxValueLength = 2000;
    public const int MaxHoldMessages = 20;
    public const int MaxHoldMessageLength = 2000;
    public const int MaxUrlLength = 2000;
    public const int MaxTokenLength = 4096;

    public const string GrantRule = "1 to 128 characters of letters, digits or . _ : * / - (starting with a letter or digit)";
    public const string PlanHashRule = "64 hexadecimal digits (SHA-256), optionally prefixed with sha256:";
    public const string LocaleRule = "a language tag such as en or de-AT";
    public const string KeyRule = "1 to 64 letters, digits or . _ - (starting with a letter)";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:*/-]{0,127}$")]
    public static partial Regex Grant();

    [GeneratedRegex("^(?i:sha256:)?[0-9A-Fa-f]{64}$")]
    public static partial Regex PlanHash();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")]
    public static partial Regex Locale();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{0,63}$")]
    public static partial Regex Key();

    /// <summary>Why the URL cannot take a resume call: https anywhere, plain http only to this machine.</summary>
    public static string? CallbackProblem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "must be an absolute https URL";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "must not carry a user name or password";
        if (uri.Scheme == "http" && !uri.IsLoopback)
            return "must use https (plain http is accepted only for a loopback address)";
        return null;
    }
}

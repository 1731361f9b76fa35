using System.Text.RegularExpressions;

namespace OpsConsole.Domain.Notifications;

/// <summary>Removes what looks like a secret from text before it leaves the console in a notification.</summary>
public static partial class SecretRedaction
{
    public const string Mask = "[redacted]";

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        var s = StellarSeed().Replace(text, Mask);
        s = SlackWebhook().Replace(s, Mask);
        s = KnownTokenPrefix().Replace(s, Mask);
        s = Bearer().Replace(s, m => m.Groups[1].Value + Mask);
        s = Assignment().Replace(s, m => m.Groups[1].Value + Mask);
        return s;
    }

    /// <summary>Also masks each of <paramref name="known"/> wherever it stands: a secret the console holds, such as a resume
    /// token, that no pattern would recognise.</summary>
    public static string Redact(string? text, IReadOnlyCollection<string> known)
    {
        var s = text ?? "";
        foreach (var secret in known.Where(k => k.Length > 0).OrderByDescending(k => k.Length))
            s = s.Replace(secret, Mask, StringComparison.Ordinal);
        return Redact(s);
    }

    // A Stellar secret seed: S and 55 base32 characters; matched even when glued to other text.
    [GeneratedRegex(@"(?<![A-Z2-7])S[A-Z2-7]{55}(?![A-Z2-7])")]
    private static partial Regex StellarSeed();

    [GeneratedRegex(@"https://hooks\.slack\.com/\S+", RegexOptions.IgnoreCase)]
    private static partial Regex SlackWebhook();

    // Slack, GitHub and JWT-shaped tokens.
    [GeneratedRegex(@"\b(?:xox[abposr]-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{20,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+)")]
    private static partial Regex KnownTokenPrefix();

    [GeneratedRegex(@"(\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]{8,}", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    // key=value or key: value for names that hold secrets.
    [GeneratedRegex(@"(\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret|seed)\b\s*[:=]\s*)(?!\[redacted\])[^\s,;&""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Assignment();
}

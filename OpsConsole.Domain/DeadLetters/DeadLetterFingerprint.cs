using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OpsConsole.Domain.DeadLetters;

/// <summary>
/// Groups dead letters that failed the same way: a hash of the operation, the exception type and the message with
/// the parts that differ between occurrences (ids, keys, hashes, numbers, quoted values, times) replaced by placeholders.
/// </summary>
public static partial class DeadLetterFingerprint
{
    /// <summary>Hex characters kept from the SHA-256; 64 bits make an accidental collision between groups negligible.</summary>
    public const int Length = 16;

    public static string Compute(string operation, string? exceptionType, string message)
    {
        var canonical = $"{operation.Trim()}\n{exceptionType?.Trim()}\n{Mask(message)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..Length];
    }

    /// <summary>The message as it is grouped: variable parts replaced, whitespace collapsed.</summary>
    public static string Mask(string message)
    {
        // Order matters: a quoted GUID is one value, and a key or hash must not be cut up by the number rule.
        var s = Quoted().Replace(message, "<value>");
        s = Timestamp().Replace(s, "<time>");
        s = GuidValue().Replace(s, "<guid>");
        s = StellarKey().Replace(s, "<key>");
        s = HexRun().Replace(s, "<hex>");
        s = Number().Replace(s, "<n>");
        return Whitespace().Replace(s, " ").Trim();
    }

    // Single quotes only around a whole word, so an apostrophe ("can't") does not open a quote.
    [GeneratedRegex("""(?<!\w)'[^'\r\n]*'(?!\w)|"[^"\r\n]*"|`[^`\r\n]*`""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\{?\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\b\}?", RegexOptions.IgnoreCase)]
    private static partial Regex GuidValue();

    // Account ids (G…), seeds (S…) and muxed accounts (M…) in StrKey form.
    [GeneratedRegex(@"\b(?:[GS][A-Z2-7]{55}|M[A-Z2-7]{68})\b")]
    private static partial Regex StellarKey();

    // At least one letter, so a long decimal (an amount) stays a number and groups with shorter amounts.
    [GeneratedRegex(@"\b(?:0x)?(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex HexRun();

    // Not glued to a word or a dot on the left, so names ("sha256", "http2") and versions ("v1.2") keep their digits.
    [GeneratedRegex(@"(?<![\w.])[-+]?\d+(?:[.,]\d+)*")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

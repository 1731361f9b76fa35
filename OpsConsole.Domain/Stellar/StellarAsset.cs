namespace OpsConsole.Domain.Stellar;

/// <summary>Lumens, or a credit asset: a code of 1–4 letters or digits (alphanum4) or 5–12 (alphanum12) and the
/// issuing account (G…).</summary>
public sealed record StellarAsset
{
    public static StellarAsset Native { get; } = new(AssetType.Native, "", "");

    public AssetType Type { get; }
    public string Code { get; }
    public string Issuer { get; }

    StellarAsset(AssetType type, string code, string issuer) => (Type, Code, Issuer) = (type, code, issuer);

    /// <summary>The credit asset <paramref name="code"/>:<paramref name="issuer"/>; its length picks alphanum4 or 12.</summary>
    public static StellarAsset Credit(string code, string issuer)
    {
        if (CodeProblem(code) is { } problem)
            throw new ArgumentException(problem, nameof(code));
        if (!StrKey.IsValidAccountId(issuer))
            throw new ArgumentException("The issuer must be a Stellar account id (G…).", nameof(issuer));
        return new(code.Length <= 4 ? AssetType.CreditAlphanum4 : AssetType.CreditAlphanum12, code, issuer);
    }

    /// <summary>Why <paramref name="code"/> is no asset code, or null when it is one.</summary>
    public static string? CodeProblem(string code) =>
        code.Length is < 1 or > 12 || !code.All(char.IsAsciiLetterOrDigit)
            ? "An asset code is 1 to 12 ASCII letters or digits."
            : null;

    public override string ToString() => Type == AssetType.Native ? "native" : $"{Code}:{Issuer}";
}

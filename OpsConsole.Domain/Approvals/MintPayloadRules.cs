using System.Text;
using System.Text.RegularExpressions;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Domain.Approvals;

/// <summary>What a mint must satisfy before anyone is asked to approve it; the API and the form share these checks.</summary>
public static partial class MintPayloadRules
{
    public const int MaxMemoBytes = StellarMemo.MaxTextBytes;
    public const int MaxDecimals = Stroops.Decimals;
    /// <summary>The largest amount: int64 stroops, one stroop being 10⁻⁷ units.</summary>
    public const decimal MaxAmount = long.MaxValue / (decimal)Stroops.PerUnit;

    public static IReadOnlyList<FieldError> Validate(MintPayload payload)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(payload.AssetCode) || !AssetCode().IsMatch(payload.AssetCode))
            errors.Add(new("payload.assetCode", "The asset code must be 1 to 12 letters or digits."));
        if (!StrKey.IsValidAccountId(payload.Issuer))
            errors.Add(new("payload.issuer", "The issuer must be a valid Stellar account id (G…, 56 characters)."));
        if (!StrKey.IsValidAccountId(payload.Destination))
            errors.Add(new("payload.destination", "The destination must be a valid Stellar account id (G…, 56 characters)."));
        if (AmountProblem(payload.Amount) is { } amount)
            errors.Add(new("payload.amount", amount));
        if (payload.Memo is { } memo && Encoding.UTF8.GetByteCount(memo) > MaxMemoBytes)
            errors.Add(new("payload.memo", $"The memo must be at most {MaxMemoBytes} bytes in UTF-8."));
        return errors;
    }

    static string? AmountProblem(decimal amount)
    {
        if (amount <= 0)
            return "The amount must be positive.";
        if (decimal.Round(amount, MaxDecimals) != amount)
            return $"The amount must have at most {MaxDecimals} decimals.";
        if (amount > MaxAmount)
            return $"The amount must be at most {MaxAmount} (int64 stroops).";
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,12}$")]
    private static partial Regex AssetCode();
}

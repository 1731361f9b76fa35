using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.Stellar;

/// <summary>The payment that mints a request: from the issuing account, of the request's asset, to its destination, with
/// its memo, at the account's next sequence number and within time bounds that always end.</summary>
public static class MintTransaction
{
    public const uint BaseFee = 100;

    public static PaymentTransaction Build(MintPayload payload, string signerAccount, long accountSequence, TimeBounds bounds)
    {
        if (bounds.MaxTime == 0)
            throw new ArgumentException("A mint always has a maxTime.", nameof(bounds));
        if (payload.Issuer != signerAccount)
            throw new ArgumentException($"The request's issuer {payload.Issuer} is not the account of the configured seed ({signerAccount}).", nameof(payload));
        var memo = string.IsNullOrEmpty(payload.Memo) ? StellarMemo.None : StellarMemo.ForText(payload.Memo);
        return new PaymentTransaction(signerAccount, BaseFee, checked(accountSequence + 1), bounds, memo,
            new PaymentOperation(null, payload.Destination, StellarAsset.Credit(payload.AssetCode, payload.Issuer), Stroops.FromDecimal(payload.Amount)));
    }
}

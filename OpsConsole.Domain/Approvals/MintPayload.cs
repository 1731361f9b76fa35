namespace OpsConsole.Domain.Approvals;

/// <summary>A mint of <see cref="Amount"/> units of the asset <see cref="AssetCode"/>:<see cref="Issuer"/> to <see cref="Destination"/>.</summary>
public sealed record MintPayload(string AssetCode, string Issuer, string Destination, decimal Amount, string? Memo) : ApprovalPayload
{
    public override ApprovalKind Kind => ApprovalKind.Mint;
}

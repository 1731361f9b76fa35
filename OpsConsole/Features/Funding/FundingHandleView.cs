namespace OpsConsole.Features.Funding;

/// <summary>A funding handle as GET and POST /api/funding/handles answer it.</summary>
public sealed record FundingHandleView(
    Guid Id, string Chain, string Asset, string Account, string DepositAddress, string Label, bool Active,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static FundingHandleView Of(FundingHandle h) =>
        new(h.Id, h.Chain, h.Asset, h.Account, h.DepositAddress, h.Label, h.Active, h.CreatedAt, h.UpdatedAt, h.UpdatedBy);
}

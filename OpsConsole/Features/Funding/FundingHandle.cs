using OpsConsole.Domain.Funding;

namespace OpsConsole.Features.Funding;

/// <summary>
/// A funding handle (funding_handles): where deposits of one asset arrive for one account. Deactivated, it stays for the
/// record and is no longer watched. Only guarded transitions change it.
/// </summary>
public sealed class FundingHandle
{
    public Guid Id { get; set; }
    public required string Chain { get; set; }
    public required string Asset { get; set; }
    public required string Account { get; set; }
    public required string DepositAddress { get; set; }
    public required string Label { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    /// <summary>PostgreSQL's xmin: a change made from an older read is refused.</summary>
    public uint Version { get; set; }

    public FundingHandleInput ToInput() => new(Chain, Asset, Account, DepositAddress, Label, Active);

    public void Set(FundingHandleInput input)
    {
        Chain = input.Chain!;
        Asset = input.Asset!;
        Account = input.Account!;
        DepositAddress = input.DepositAddress!;
        Label = input.Label!;
        Active = input.Active;
    }
}

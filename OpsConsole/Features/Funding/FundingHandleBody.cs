using OpsConsole.Domain.Funding;

namespace OpsConsole.Features.Funding;

/// <summary>The body of POST /api/funding/handles (and /{id}): the handle's fields; <c>active</c>, on an edit, switches it
/// off or on, and left out keeps it as it is.</summary>
public sealed record FundingHandleBody(string? Chain, string? Asset, string? Account, string? DepositAddress, string? Label, bool? Active)
{
    public FundingHandleInput ToInput(bool currentlyActive) => new(Chain, Asset, Account, DepositAddress, Label, Active ?? currentlyActive);
}

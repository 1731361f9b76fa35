namespace OpsConsole.Domain.Funding;

/// <summary>A funding handle as an Admin or a client writes it: where deposits of which asset arrive for which account.</summary>
public sealed record FundingHandleInput(string? Chain, string? Asset, string? Account, string? DepositAddress, string? Label, bool Active = true);

namespace OpsConsole.Features.Funding.State;

/// <summary>A handle, how its observation fares (last good poll, last error) and the latest observation of each transfer to it.</summary>
public sealed record FundingHandleStateView(
    Guid Id, string Chain, string Asset, string Account, string DepositAddress, string Label, bool Active,
    DateTimeOffset? LastGoodPollAt, DateTimeOffset? LastErrorAt, string? LastError,
    IReadOnlyList<FundingTransferView> Transfers);

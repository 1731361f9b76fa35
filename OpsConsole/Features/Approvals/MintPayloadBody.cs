namespace OpsConsole.Features.Approvals;

/// <summary>A mint's payload as posted: the amount is a decimal string.</summary>
public sealed record MintPayloadBody(string? AssetCode, string? Issuer, string? Destination, string? Amount, string? Memo);

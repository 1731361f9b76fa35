namespace OpsConsole.Domain.Alerts;

/// <summary>
/// Where an alert applies. <see cref="Key"/> tells apart the alerts of one code (a pair, an account and asset, an action
/// id), so a code has at most one active alert per key; <see cref="Service"/> names the part of the operation it is about
/// (market, inventory, executor, liquidity, approvals, dead-letters), and the rest say what a wall or a filter groups by.
/// </summary>
public sealed record AlertScope(string Service, string Key, string? Pair = null, string? AssetId = null, string? TxHash = null);

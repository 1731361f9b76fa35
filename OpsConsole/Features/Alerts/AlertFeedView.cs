namespace OpsConsole.Features.Alerts;

/// <summary>A feed the rules read: when a record of it last arrived, and after how long without one it counts as silent
/// (the window of the rule that watches it; null when no rule times it, such as trade results).</summary>
public sealed record AlertFeedView(string Name, DateTimeOffset? LastHeardAt, TimeSpan? SilentAfter);

namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>An approval request that expired without a decision.</summary>
public sealed record ExpiredApprovalFact(Guid RequestId, string Title, string Department, DateTimeOffset ExpiredAt);

namespace OpsConsole.Features.Approvals;

/// <summary>A request that expired: what names it to a person, and when it expired.</summary>
public sealed record ExpiredApproval(Guid Id, string Title, string Department, DateTimeOffset ExpiredAt);

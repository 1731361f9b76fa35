namespace OpsConsole.Domain.Notifications;

/// <summary>The names of the fields a pack notice lists, in one language.</summary>
public sealed record PackFieldLabels(
    string Tenant,
    string Run,
    string Approval,
    string PlanHash,
    string Steps,
    string Grants,
    string Message,
    string Gate,
    string Parameters,
    string Messages);

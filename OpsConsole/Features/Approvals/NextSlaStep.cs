using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>A pending request's next SLA step and when it falls due.</summary>
public sealed record NextSlaStep(Guid RequestId, string Title, string Department, int Tier, SlaStep Step, DateTimeOffset DueAt);

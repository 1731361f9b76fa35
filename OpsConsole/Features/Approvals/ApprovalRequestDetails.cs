using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>A request as its page shows it: the request, the requests resubmitted from it, and its next SLA step.</summary>
public sealed record ApprovalRequestDetails(ApprovalRequest Request, IReadOnlyList<Guid> ResubmittedAs, SlaStep? NextStep, DateTimeOffset? NextStepAt);

using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.PackApprovals;

/// <summary>An event as read from its JSON: the event when every field is right, else each field at fault.</summary>
public sealed record PackEventRead(PackEvent? Event, IReadOnlyList<FieldError> Errors);

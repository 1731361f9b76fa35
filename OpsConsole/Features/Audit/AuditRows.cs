using OpsConsole.Domain.Audit;

namespace OpsConsole.Features.Audit;

/// <summary>One page of a listing and the number of events the whole listing holds.</summary>
public sealed record AuditRows(IReadOnlyList<AuditEvent> Items, int Total);

using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>The policy new requests of a kind get now, and where it comes from: the settings (EditedBy null) or an
/// Admin's edit, whose <see cref="Version"/> an edit form sends back so that a stale edit is refused.</summary>
public sealed record EffectiveSlaPolicy(ApprovalKind Kind, SlaPolicy Policy, string? EditedBy, DateTimeOffset? EditedAt, uint? Version)
{
    public bool IsEdited => Version is not null;
}

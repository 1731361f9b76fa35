using System.Text.Json.Serialization;

namespace OpsConsole.Domain.Approvals;

/// <summary>What a request carries, one record per <see cref="ApprovalKind"/>; the discriminator lets one jsonb column hold any kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$kind")]
[JsonDerivedType(typeof(MintPayload), nameof(ApprovalKind.Mint))]
[JsonDerivedType(typeof(PackApprovalPayload), nameof(ApprovalKind.PackApproval))]
public abstract record ApprovalPayload
{
    [JsonIgnore]
    public abstract ApprovalKind Kind { get; }
}

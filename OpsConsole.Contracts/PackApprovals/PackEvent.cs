using System.Text.Json.Serialization;

namespace OpsConsole.Contracts.PackApprovals;

/// <summary>
/// One event from the Task Runner, posted to <c>POST /notifications/pack-approvals</c>. The <c>type</c> property names
/// the kind: <see cref="PackApprovalRequested"/>, <see cref="PackApprovalUpdated"/> or <see cref="PackPolicyHold"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(PackApprovalRequested), PackEventTypes.ApprovalRequested)]
[JsonDerivedType(typeof(PackApprovalUpdated), PackEventTypes.ApprovalUpdated)]
[JsonDerivedType(typeof(PackPolicyHold), PackEventTypes.PolicyHold)]
public abstract record PackEvent
{
    /// <summary>The sender's id of this event; echoed in the answer and kept with the audit record.</summary>
    public required string EventId { get; init; }

    /// <summary>The tenant the run belongs to; must equal the signing key's tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>The pack run the event is about.</summary>
    public required string RunId { get; init; }

    /// <summary>When the Task Runner raised the event (ISO 8601 with an offset).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Ties the console's audit records to the sender's traces; the event id when left out.</summary>
    public string? CorrelationId { get; init; }
}

/// <summary>The names the <c>type</c> property takes.</summary>
public static class PackEventTypes
{
    public const string ApprovalRequested = "PackApprovalRequested";
    public const string ApprovalUpdated = "PackApprovalUpdated";
    public const string PolicyHold = "PackPolicyHold";

    public static IReadOnlyList<string> All { get; } = [ApprovalRequested, ApprovalUpdated, PolicyHold];
}

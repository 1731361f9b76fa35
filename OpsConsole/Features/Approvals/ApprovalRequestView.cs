using System.Globalization;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>A request as the API shows it; statuses and kinds by name, the amount as a decimal string.</summary>
public sealed record ApprovalRequestView(
    Guid Id,
    string Kind,
    string Title,
    string Department,
    string RequestedBy,
    string Status,
    int Tier,
    string? Assignee,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextDueAt,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? EscalatedFinalAt,
    DateTimeOffset? ExpiredAt,
    DateTimeOffset? DecidedAt,
    Guid? ResubmissionOf,
    MintPayloadBody? Payload,
    IReadOnlyList<ApprovalHistoryItem>? History)
{
    public static ApprovalRequestView From(ApprovalRequest r, IReadOnlyList<ApprovalHistoryItem>? history = null) => new(
        r.Id, r.Kind.ToString(), r.Title, r.Department, r.RequestedBy, r.Status.ToString(), r.Tier, r.Assignee, r.CreatedAt,
        r.NextDueAt, r.RemindedAt, r.EscalatedAt, r.EscalatedFinalAt, r.ExpiredAt, r.DecidedAt, r.ResubmissionOf,
        r.Payload is MintPayload m
            ? new MintPayloadBody(m.AssetCode, m.Issuer, m.Destination, m.Amount.ToString(CultureInfo.InvariantCulture), m.Memo)
            : null,
        history);
}

using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.Notifications;

/// <summary>What a notification about a request says; <see cref="BaseUrl"/> is the console's public address.</summary>
public sealed record NotificationModel(
    Guid RequestId,
    string Title,
    ApprovalKind Kind,
    decimal? Amount,
    string? AssetCode,
    int Tier,
    string Department,
    string? Actor,
    string? Reason,
    string BaseUrl)
{
    /// <summary>For a decided event: Approved, Rejected or Cancelled.</summary>
    public ApprovalStatus? Outcome { get; init; }

    public string Link => $"{BaseUrl.TrimEnd('/')}/approvals/{RequestId}";

    public static NotificationModel From(ApprovalRequest request, string? actor, string? reason, string baseUrl)
    {
        var mint = request.Payload as MintPayload;
        return new(request.Id, request.Title, request.Kind, mint?.Amount, mint?.AssetCode, request.Tier, request.Department,
            actor, reason, baseUrl)
        { Outcome = request.Status };
    }
}

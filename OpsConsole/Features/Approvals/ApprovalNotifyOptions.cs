namespace OpsConsole.Features.Approvals;

/// <summary>Settings under <c>Approvals</c> for notifications: the console's public address for links, and the owner
/// who receives a final escalation when no TopManagement user is active.</summary>
public sealed class ApprovalNotifyOptions
{
    public const string Section = "Approvals";

    /// <summary>Prefix of the request links; empty gives links relative to the console (/approvals/{id}).</summary>
    public string BaseUrl { get; set; } = "";

    public string? OwnerEmail { get; set; }
}

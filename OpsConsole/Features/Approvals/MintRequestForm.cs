namespace OpsConsole.Features.Approvals;

/// <summary>The new mint request form's fields, as typed. They become the API's body, untrimmed, so that the form is
/// checked by exactly the code that checks a machine client's POST; only an empty memo is left out.</summary>
public sealed class MintRequestForm
{
    public string? Title { get; set; }
    public string? Department { get; set; }
    public string? AssetCode { get; set; }
    public string? Issuer { get; set; }
    public string? Destination { get; set; }
    /// <summary>A decimal string, as the API takes it, so no digit is lost to a floating-point field.</summary>
    public string? Amount { get; set; }
    public string? Memo { get; set; }

    public ApprovalRequestBody ToBody(string requestedBy) => new(nameof(Domain.Approvals.ApprovalKind.Mint), Title, Department, requestedBy,
        new MintPayloadBody(AssetCode, Issuer, Destination, Amount, string.IsNullOrEmpty(Memo) ? null : Memo));
}

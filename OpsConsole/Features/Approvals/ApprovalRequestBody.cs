using System.Globalization;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>The JSON a machine client posts; everything is optional here so that each missing field is named in the answer.</summary>
public sealed record ApprovalRequestBody(string? Kind, string? Title, string? Department, string? RequestedBy, MintPayloadBody? Payload)
{
    /// <summary>The Domain's input, or the fields that could not even be read (an unknown kind, an amount that is not a number).</summary>
    public (NewApprovalRequest? Input, IReadOnlyList<FieldError> Errors) ToInput(string? tenant = null)
    {
        var errors = new List<FieldError>();
        if (!Enum.TryParse<ApprovalKind>(Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Kind, out _))
            errors.Add(new("kind", $"The kind must be one of {string.Join(", ", Enum.GetNames<ApprovalKind>())}."));
        MintPayload? payload = null;
        if (Payload is { } p)
        {
            // A decimal string keeps every digit; a JSON number could already have been rounded by the sender.
            if (!decimal.TryParse(p.Amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                errors.Add(new("payload.amount", "The amount must be a decimal string such as \"125.50\"."));
            payload = new MintPayload(p.AssetCode ?? "", p.Issuer ?? "", p.Destination ?? "", amount, p.Memo);
        }
        var input = new NewApprovalRequest(kind, Title, Department, RequestedBy, payload, tenant);
        if (errors.Count > 0)
        {
            // Still check the rest, so one answer names every field at fault.
            errors.AddRange(NewApprovalRequestRules.Validate(input).Where(e => errors.All(x => x.Field != e.Field)));
            return (null, errors);
        }
        return (input, []);
    }
}

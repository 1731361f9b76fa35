namespace OpsConsole.Domain.Approvals;

/// <summary>Checks a new request field by field, naming fields as the API's JSON spells them.</summary>
public static class NewApprovalRequestRules
{
    public const int MaxTitleLength = 200;
    public const int MaxNameLength = 256;

    public static IReadOnlyList<FieldError> Validate(NewApprovalRequest input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Title))
            errors.Add(new("title", "A title is required."));
        else if (input.Title.Trim().Length > MaxTitleLength)
            errors.Add(new("title", $"The title must be at most {MaxTitleLength} characters."));
        if (string.IsNullOrWhiteSpace(input.Department))
            errors.Add(new("department", "A department is required."));
        else if (input.Department.Trim().Length > MaxNameLength)
            errors.Add(new("department", $"The department must be at most {MaxNameLength} characters."));
        if (string.IsNullOrWhiteSpace(input.RequestedBy))
            errors.Add(new("requestedBy", "The requester is required."));
        else if (input.RequestedBy.Trim().Length > MaxNameLength)
            errors.Add(new("requestedBy", $"The requester must be at most {MaxNameLength} characters."));
        switch (input.Payload)
        {
            case null:
                errors.Add(new("payload", $"A {input.Kind} request needs a payload."));
                break;
            case var p when p.Kind != input.Kind:
                errors.Add(new("payload", $"The payload is for a {p.Kind} request, not a {input.Kind} request."));
                break;
            case MintPayload mint:
                errors.AddRange(MintPayloadRules.Validate(mint));
                break;
            case PackApprovalPayload:
                // Checked field by field where it is read, from the Task Runner's event.
                break;
        }
        return errors;
    }
}

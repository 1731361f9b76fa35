namespace OpsConsole.Domain.Approvals;

/// <summary>One input problem, named by its field as the API's JSON spells it (e.g. <c>payload.amount</c>).</summary>
public sealed record FieldError(string Field, string Message);

using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Funding;

/// <summary>
/// What became of a change to a handle: applied (or needless) when there are no errors; else each problem by its field
/// ("" for the handle as a whole). <see cref="NotFound"/> when no handle has the id.
/// </summary>
public sealed record FundingHandleResult(Guid Id, IReadOnlyList<FieldError> Errors, bool NotFound = false)
{
    public bool Succeeded => Errors.Count == 0;
}

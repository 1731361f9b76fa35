using OpsConsole.Contracts.PackApprovals;

namespace OpsConsole.Features.PackApprovals;

/// <summary>How an event was taken: its answer (202 accepted or 200 duplicate), or 404 or 409 with the reason. (A database
/// that cannot be reached is a 503 from <see cref="Platform.Data.DatabaseUnavailableAnswer"/>.)</summary>
public sealed record PackEventOutcome(int Status, PackEventAnswer? Answer, string? Reason)
{
    public static PackEventOutcome Accepted(PackEventAnswer answer) => new(StatusCodes.Status202Accepted, answer, null);
    public static PackEventOutcome Duplicate(PackEventAnswer answer) => new(StatusCodes.Status200OK, answer, null);
    public static PackEventOutcome Conflict(string reason) => new(StatusCodes.Status409Conflict, null, reason);
    public static PackEventOutcome Missing(string reason) => new(StatusCodes.Status404NotFound, null, reason);
}

using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Approvals;

/// <summary>The requests that expired without a decision, for features that watch the approvals without reading their table.</summary>
public interface IExpiredApprovals
{
    /// <summary>Requests that expired at or after <paramref name="since"/>, oldest expiry first; read on the caller's context.</summary>
    Task<IReadOnlyList<ExpiredApproval>> ExpiredSinceAsync(OpsDbContext db, DateTimeOffset since, CancellationToken ct);
}

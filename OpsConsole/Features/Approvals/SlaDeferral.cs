namespace OpsConsole.Features.Approvals;

/// <summary>
/// A request the SLA timers leave alone until <see cref="DeferredUntil"/> because applying its steps failed. It is kept
/// apart from the request, so that next_due_at stays the Domain's answer and a row that refuses every update can still be deferred.
/// </summary>
public sealed class SlaDeferral
{
    public Guid RequestId { get; set; }
    /// <summary>Failures in a row; a success removes the row, so the next failure starts again at one.</summary>
    public int Failures { get; set; }
    public DateTimeOffset DeferredUntil { get; set; }
}

namespace OpsConsole.Domain.Audit;

/// <summary>
/// How far verification got: how many events hold, the last good hash to continue from, and the first break if any.
/// Verification can go on batch by batch from a verdict that is still intact.
/// </summary>
public sealed record AuditChainVerdict(long Verified, long? LastEventId, string LastHash, AuditChainBreak? Break)
{
    public static readonly AuditChainVerdict Start = new(0, null, AuditChain.Genesis, null);

    public bool IsIntact => Break is null;
}

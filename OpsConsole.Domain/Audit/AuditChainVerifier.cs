namespace OpsConsole.Domain.Audit;

/// <summary>Walks audit events in id order and finds the first one that does not chain to the event before it.</summary>
public static class AuditChainVerifier
{
    public static AuditChainVerdict Verify(IEnumerable<AuditEvent> eventsInIdOrder) =>
        Continue(AuditChainVerdict.Start, eventsInIdOrder);

    /// <summary>Goes on from an earlier verdict with the next events in id order; a broken verdict stays as it is.</summary>
    public static AuditChainVerdict Continue(AuditChainVerdict soFar, IEnumerable<AuditEvent> nextEventsInIdOrder)
    {
        if (!soFar.IsIntact)
            return soFar;
        var (verified, lastId, lastHash) = (soFar.Verified, soFar.LastEventId, soFar.LastHash);
        foreach (var e in nextEventsInIdOrder)
        {
            if (lastId is { } prev && e.Id <= prev)
                throw new ArgumentException($"Audit events must come in ascending id order; #{e.Id} came after #{prev}.", nameof(nextEventsInIdOrder));
            if (!string.Equals(e.PrevHash, lastHash, StringComparison.Ordinal))
                return new(verified, lastId, lastHash, new(e.Id, AuditChainFault.BrokenLink, lastHash, e.PrevHash, lastId));
            var expected = AuditChain.ComputeHash(e.PrevHash, e);
            if (!string.Equals(e.Hash, expected, StringComparison.Ordinal))
                return new(verified, lastId, lastHash, new(e.Id, AuditChainFault.AlteredContent, expected, e.Hash, lastId));
            (verified, lastId, lastHash) = (verified + 1, e.Id, e.Hash);
        }
        return new(verified, lastId, lastHash, null);
    }
}

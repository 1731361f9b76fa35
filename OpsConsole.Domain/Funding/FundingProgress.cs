namespace OpsConsole.Domain.Funding;

/// <summary>
/// The next status of a transfer to a funding handle, decided from what the chain shows now and whether the bridge has
/// credited it; null when nothing changed, so that funding_observations gets one row per change. The chain is read
/// whole each time, so a transfer missed while the chain was unreachable lands in its right status when it is back.
/// </summary>
public static class FundingProgress
{
    /// <param name="last">The transfer's latest observation; null when it was never seen.</param>
    /// <param name="credited">Whether a bridge deposit with the transfer's hash exists.</param>
    public static FundingStep? Next(FundingStep? last, ChainSighting chain, int requiredConfirmations, bool credited)
    {
        // The bridge's credit is the end: what the chain does after it no longer changes what was credited.
        if (last?.Status == FundingObservationStatus.Credited)
            return null;
        var next = credited
            ? new FundingStep(FundingObservationStatus.Credited, chain.Place == ChainPlace.Block ? chain.Confirmations : last?.Confirmations ?? 0)
            : OnChain(last, chain, requiredConfirmations);
        return next is null || Same(last, next) ? null : next;
    }

    static FundingStep? OnChain(FundingStep? last, ChainSighting chain, int required) => chain.Place switch
    {
        ChainPlace.Mempool => new(FundingObservationStatus.SeenInMempool, 0),
        ChainPlace.Block when chain.Confirmations >= required => new(FundingObservationStatus.Confirmed, chain.Confirmations),
        ChainPlace.Block => new(FundingObservationStatus.Confirming, chain.Confirmations),
        // Gone: a transfer never seen is nothing to record; a seen one (even a confirmed one a reorg took) is dropped.
        _ => last is null || last.Status == FundingObservationStatus.Dropped ? null : new(FundingObservationStatus.Dropped, 0),
    };

    /// <summary>Confirming counts each block; confirmed is confirmed however many more follow.</summary>
    static bool Same(FundingStep? last, FundingStep next) =>
        last is not null && last.Status == next.Status && (next.Status != FundingObservationStatus.Confirming || last.Confirmations == next.Confirmations);
}

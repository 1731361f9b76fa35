namespace OpsConsole.Features.Funding;

/// <summary>
/// Reads one chain for the funding observer: what it shows now of the transfers to a handle. The observer records what
/// each reader returns the same way (the Domain's progression, one observation per change, health, audit, live change),
/// so a reader only talks to its chain.
/// </summary>
public interface IFundingChainReader
{
    /// <summary>The chain whose handles it reads, as <see cref="Domain.Funding.FundingAssets"/> spells it.</summary>
    string Chain { get; }

    /// <summary>Where the chain is read, as funding_observations.source records it (esplora, rpc or simulated).</summary>
    string Source { get; }

    int RequiredConfirmations { get; }

    /// <summary>The height of the chain's tip; the observer asks once per pass and reads every handle of the chain against
    /// it. Throws <see cref="ChainReadException"/> when the chain cannot be read.</summary>
    Task<long> TipAsync(CancellationToken ct);

    /// <summary>The transfers the chain shows for <paramref name="handle"/> up to <paramref name="tip"/>, including each of
    /// <paramref name="open"/> (the handle's transfers not yet credited or dropped) wherever it now stands; throws
    /// <see cref="ChainReadException"/> when the chain cannot be read.</summary>
    /// <param name="scannedToBlock">The cursor the last good read returned for the handle, if any.</param>
    Task<ChainReading> ReadAsync(FundingHandle handle, long tip, IReadOnlyList<FundingObservationCurrent> open, long? scannedToBlock, CancellationToken ct);
}

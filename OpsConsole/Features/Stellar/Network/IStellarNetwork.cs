using OpsConsole.Domain.Stellar;

namespace OpsConsole.Features.Stellar.Network;

/// <summary>The four things the console asks a Stellar network, whichever API serves them. A call that gets no usable
/// answer throws <see cref="StellarNetworkException"/>; an answer, even a refusal, comes back as a value.</summary>
public interface IStellarNetwork
{
    Task<LedgerState> LatestLedgerAsync(CancellationToken ct);

    /// <summary>The account's current sequence number (the next transaction carries this + 1).</summary>
    Task<long> AccountSequenceAsync(string accountId, CancellationToken ct);

    Task<SendAnswer> SendAsync(string envelopeXdr, CancellationToken ct);

    Task<LookupAnswer> LookupAsync(string hash, CancellationToken ct);
}

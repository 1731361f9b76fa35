using OpsConsole.Domain.Funding;

namespace OpsConsole.Features.Funding;

/// <summary>What one read of a chain shows of one transfer to a handle: where it stands, and what it sends to the handle
/// (summed when one transaction pays the handle more than once).</summary>
public sealed record ChainTransfer(ChainSighting Sighting, decimal Amount);

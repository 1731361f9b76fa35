namespace OpsConsole.Features.Funding.Simulation;

/// <summary>A block of the simulated Gnosis chain and the transfers it took in.</summary>
public sealed record SimulatedGnosisBlock(long Number, string Hash, string ParentHash, DateTimeOffset MinedAt, IReadOnlyList<SimulatedEureTransfer> Transfers);

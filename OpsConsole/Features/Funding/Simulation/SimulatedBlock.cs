namespace OpsConsole.Features.Funding.Simulation;

/// <summary>A block of the simulated chain and the transactions it took in.</summary>
public sealed record SimulatedBlock(long Height, string Hash, DateTimeOffset MinedAt, IReadOnlyList<SimulatedTransaction> Transactions);

namespace OpsConsole.Features.Funding.Simulation;

/// <summary>A transaction of the simulated Gnosis chain: one EURe transfer from a made-up sender to an address.</summary>
public sealed record SimulatedEureTransfer(string TxHash, string From, string To, decimal Amount);

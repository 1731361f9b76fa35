namespace OpsConsole.Features.Stellar;

/// <summary>Which network the console talks to (Stellar:Mode).</summary>
public enum StellarMode
{
    /// <summary>An in-process network answering Stellar RPC's or Horizon's HTTP shapes (Stellar:SimulatedApi), for demo
    /// and tests.</summary>
    Simulated,
    Rpc,
    Horizon,
}

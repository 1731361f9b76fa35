namespace OpsConsole.Features.Stellar;

/// <summary>Which API the simulated network answers in (Stellar:SimulatedApi), and so which real client talks to it.</summary>
public enum SimulatedApi
{
    /// <summary>Stellar RPC's JSON-RPC, under <see cref="Network.StellarRpcClient"/>.</summary>
    Rpc,

    /// <summary>Horizon's REST API, under <see cref="Network.HorizonClient"/>.</summary>
    Horizon,
}

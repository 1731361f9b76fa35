namespace OpsConsole.Features.Funding.Gnosis;

/// <summary>Which Gnosis chain the funding observer reads (Gnosis:Mode).</summary>
public enum GnosisMode
{
    /// <summary>An in-process chain answering Ethereum JSON-RPC, under the real <see cref="GnosisRpcClient"/>; for demo and tests.</summary>
    Simulated,

    /// <summary>A Gnosis JSON-RPC endpoint at Gnosis:RpcUrl (a node of one's own or a provider's).</summary>
    Rpc,
}

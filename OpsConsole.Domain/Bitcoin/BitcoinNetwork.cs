namespace OpsConsole.Domain.Bitcoin;

/// <summary>The network the console's BTC addresses belong to (setting <c>Bitcoin:Network</c>).</summary>
public enum BitcoinNetwork
{
    Mainnet,
    Testnet,
    Regtest,
}

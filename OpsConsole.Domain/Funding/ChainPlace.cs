namespace OpsConsole.Domain.Funding;

/// <summary>Where the chain holds a transaction now.</summary>
public enum ChainPlace
{
    Mempool,
    Block,
    /// <summary>Neither in the mempool nor in a block of the chain.</summary>
    Gone,
}

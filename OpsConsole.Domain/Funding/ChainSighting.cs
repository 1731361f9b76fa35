namespace OpsConsole.Domain.Funding;

/// <summary>What the chain shows of one transaction at one read: where it is, the height of its block, and the tip.</summary>
public sealed record ChainSighting(ChainPlace Place, long? BlockHeight, long TipHeight)
{
    public static ChainSighting InMempool(long tip) => new(ChainPlace.Mempool, null, tip);

    public static ChainSighting InBlock(long height, long tip) => new(ChainPlace.Block, height, tip);

    public static ChainSighting Gone(long tip) => new(ChainPlace.Gone, null, tip);

    /// <summary>Tip height − block height + 1 in a block (at least 1, should the tip be read before the block), else 0.</summary>
    public int Confirmations => Place == ChainPlace.Block && BlockHeight is { } height ? (int)Math.Max(1, TipHeight - height + 1) : 0;
}

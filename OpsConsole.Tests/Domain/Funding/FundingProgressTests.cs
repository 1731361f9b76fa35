using OpsConsole.Domain.Funding;
using static OpsConsole.Domain.Funding.FundingObservationStatus;

namespace OpsConsole.Tests.Domain.Funding;

[Trait("Category", "Domain")]
public class FundingProgressTests
{
    const int Required = 6;

    static FundingStep? Next(FundingStep? last, ChainSighting chain, bool credited = false) => FundingProgress.Next(last, chain, Required, credited);

    [Fact]
    public void A_transfer_walks_from_the_mempool_through_each_confirmation_to_confirmed_then_credited()
    {
        var seen = Next(null, ChainSighting.InMempool(100));
        var one = Next(seen, ChainSighting.InBlock(101, 101));
        var three = Next(one, ChainSighting.InBlock(101, 103));
        var six = Next(three, ChainSighting.InBlock(101, 106));
        var credited = Next(six, ChainSighting.InBlock(101, 108), credited: true);

        Assert.Equal(new FundingStep(SeenInMempool, 0), seen);
        Assert.Equal(new FundingStep(Confirming, 1), one);
        Assert.Equal(new FundingStep(Confirming, 3), three);
        Assert.Equal(new FundingStep(Confirmed, 6), six);
        Assert.Equal(new FundingStep(Credited, 8), credited);
    }

    [Fact]
    public void Nothing_changes_without_a_new_fact_and_more_blocks_on_a_confirmed_transfer_change_nothing()
    {
        Assert.Null(Next(new(SeenInMempool, 0), ChainSighting.InMempool(100)));
        Assert.Null(Next(new(Confirming, 2), ChainSighting.InBlock(99, 100)));
        Assert.Null(Next(new(Confirmed, 6), ChainSighting.InBlock(90, 140)));
        Assert.Null(Next(null, ChainSighting.Gone(100)));
    }

    [Fact]
    public void A_transfer_that_leaves_the_mempool_unconfirmed_is_dropped_once_and_comes_back_if_it_returns()
    {
        var dropped = Next(new(SeenInMempool, 0), ChainSighting.Gone(100));

        Assert.Equal(new FundingStep(Dropped, 0), dropped);
        Assert.Null(Next(dropped, ChainSighting.Gone(101)));
        Assert.Equal(new FundingStep(Confirming, 1), Next(dropped, ChainSighting.InBlock(102, 102)));
    }

    [Fact]
    public void A_block_leaving_the_chain_sends_its_transfers_back_to_the_mempool_or_to_fewer_confirmations()
    {
        Assert.Equal(new FundingStep(SeenInMempool, 0), Next(new(Confirming, 2), ChainSighting.InMempool(101)));
        Assert.Equal(new FundingStep(SeenInMempool, 0), Next(new(Confirmed, 7), ChainSighting.InMempool(101)));
        // Mined again in a later block of the new chain: fewer confirmations than before.
        Assert.Equal(new FundingStep(Confirming, 2), Next(new(Confirmed, 6), ChainSighting.InBlock(104, 105)));
    }

    [Fact]
    public void The_bridge_credit_is_final_and_keeps_what_was_last_known_when_the_chain_no_longer_shows_the_block()
    {
        Assert.Equal(new FundingStep(Credited, 6), Next(new(Confirmed, 6), ChainSighting.InMempool(120), credited: true));
        Assert.Null(Next(new(Credited, 6), ChainSighting.InMempool(120), credited: true));
        Assert.Null(Next(new(Credited, 6), ChainSighting.Gone(120)));
    }

    [Fact]
    public void Confirmations_count_the_block_itself_and_never_fall_below_one_when_the_tip_was_read_first()
    {
        Assert.Equal(1, ChainSighting.InBlock(100, 100).Confirmations);
        Assert.Equal(1, ChainSighting.InBlock(101, 100).Confirmations);
        Assert.Equal(0, ChainSighting.InMempool(100).Confirmations);
        Assert.True(IsUncredited(Confirmed));
        Assert.False(IsUncredited(Credited));
        Assert.False(IsUncredited(Dropped));
    }
}

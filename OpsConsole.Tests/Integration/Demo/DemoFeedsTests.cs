using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Alerts;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Demo;

/// <summary>In demo mode the simulated feeds post through the real ingest endpoints, over HTTP and signed with the demo
/// key, so the rules have facts to raise and clear alerts on.</summary>
[Trait("Category", "Integration")]
public sealed class DemoFeedsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_demo_feeds_post_prices_inventory_and_trades_through_the_signed_ingest_endpoints()
    {
        await using var app = new OpsAppFactory(fixture.ConnectionString, new Dictionary<string, string?>
        {
            ["Demo:LiveFeeds"] = "true",
            ["Demo:FeedInterval"] = "00:00:01",
        });
        app.StartOnLoopback();
        await using var db = fixture.CreateContext();

        await Poll.UntilAsync(async () => await db.MarketPricesCurrent.CountAsync() == 2 && await db.TradeResults.AnyAsync()
            && await db.InventoryCurrent.AnyAsync(), arrived => arrived, TimeSpan.FromSeconds(30));

        Assert.Equal(["BTC/EUR", "ETH/EUR"], await db.MarketPricesCurrent.OrderBy(p => p.Pair).Select(p => p.Pair).ToListAsync());
        // Each went through the signature check, which keeps every accepted signature against replay.
        Assert.True(await db.MachineRequestSignatures.CountAsync(s => s.KeyId == MachineClientOptions.DemoKeyId) >= 3);
    }
}

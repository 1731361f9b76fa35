using System.Net;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Funding;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>POST /api/ingest/bridge-deposits: each deposit stored once, a repeat answered as a duplicate, a bad batch
/// refused whole naming the field.</summary>
[Trait("Category", "Integration")]
public sealed class BridgeDepositsApiTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Path = "/api/ingest/bridge-deposits";
    const string BtcTx = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";
    const string EureTx = "0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b";
    readonly AlertsApp app = new(fixture);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    string Ago(int seconds) => app.Clock.GetUtcNow().AddSeconds(-seconds).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ");

    [Fact]
    public async Task A_deposit_is_stored_once_and_its_repeat_answers_200_as_a_duplicate()
    {
        var body = $$"""{ "asset": "BTC", "amount": "0.25", "depositTxHash": "{{BtcTx.ToUpperInvariant()}}", "creditedAt": "{{Ago(30)}}", "account": "treasury-btc" }""";

        using var first = await app.PostAsync(Path, body);
        using var again = await app.PostAsync(Path, body.Replace("0.25", "0.5"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", (await app.JsonAsync(again)).GetProperty("records")[0].GetProperty("status").GetString());
        await using var db = fixture.CreateContext();
        var stored = Assert.Single(await db.BridgeDeposits.Where(d => d.DepositTxHash == BtcTx).ToListAsync());
        Assert.Equal((0.25m, "treasury-btc", "demo"), (stored.Amount, stored.Account, stored.KeyId));
    }

    [Fact]
    public async Task A_batch_stores_each_deposit_once_and_a_stored_deposit_cannot_be_rewritten()
    {
        using var response = await app.PostAsync(Path, $$"""
            [{ "asset": "EURe", "amount": 1500, "depositTxHash": "{{EureTx}}", "creditedAt": "{{Ago(20)}}", "account": "treasury-eure" },
             { "asset": "EURe", "amount": 1500, "depositTxHash": "{{EureTx}}", "creditedAt": "{{Ago(20)}}", "account": "treasury-eure" }]
            """);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["stored", "duplicate"], (await app.JsonAsync(response)).GetProperty("records").EnumerateArray()
            .Select(r => r.GetProperty("status").GetString()));
        await using var db = fixture.CreateContext();
        await Assert.ThrowsAnyAsync<Exception>(() =>
            db.BridgeDeposits.Where(d => d.DepositTxHash == EureTx).ExecuteUpdateAsync(s => s.SetProperty(d => d.Amount, 1m)));
    }

    [Theory]
    [InlineData("ETH", "1", BtcTx, "asset")]
    [InlineData("BTC", "0", BtcTx, "amount")]
    [InlineData("BTC", "1", "xyz", "depositTxHash")]
    [InlineData("BTC", "1", EureTx, "depositTxHash")]
    [InlineData("EURe", "1", BtcTx, "depositTxHash")]
    public async Task Bad_input_gets_400_naming_the_field_and_stores_nothing(string asset, string amount, string hash, string field)
    {
        using var response = await app.PostAsync(Path, $$"""
            [{ "asset": "BTC", "amount": "2", "depositTxHash": "{{new string('b', 64)}}", "creditedAt": "{{Ago(5)}}", "account": "ok" },
             { "asset": "{{asset}}", "amount": "{{amount}}", "depositTxHash": "{{hash}}", "creditedAt": "{{Ago(5)}}", "account": "bad" }]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SignedRequest.ProblemAsync(response);
        Assert.Equal([$"[1].{field}"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await using var db = fixture.CreateContext();
        Assert.False(await db.BridgeDeposits.AnyAsync(d => d.Account == "ok" || d.Account == "bad"));
    }
}

using System.Text.Json;
using OpsConsole.Domain.Alerts.Ingest;

namespace OpsConsole.Tests.Domain.Alerts;

[Trait("Category", "Domain")]
public class IngestBatchTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    static readonly IngestLimits Limits = new(Now, TimeSpan.FromMinutes(5));

    static IngestRead<T> Read<T>(string json, Func<IngestFields, T> read)
    {
        using var doc = JsonDocument.Parse(json);
        return IngestBatch.Read(doc.RootElement, Limits, read);
    }

    [Fact]
    public void A_price_reads_with_its_decimal_as_a_string_or_a_number_and_its_time_to_the_microsecond()
    {
        var read = Read("""
            [{ "pair": "BTC/EUR", "price": "61000.123456789012345678", "source": "kraken", "observedAt": "2026-11-02T08:59:59.1234567Z" },
             { "pair": "ETH/EUR", "price": 2500.5, "source": "bitstamp", "observedAt": "2026-11-02T10:00:00+01:00" }]
            """, MarketPrice.Read);

        Assert.Empty(read.Errors);
        Assert.Equal(61000.123456789012345678m, read.Records[0].Price);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 59, 59, TimeSpan.Zero).AddTicks(1_234_560), read.Records[0].ObservedAt);
        Assert.Equal(2500.5m, read.Records[1].Price);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), read.Records[1].ObservedAt);
        Assert.Equal(TimeSpan.Zero, read.Records[1].ObservedAt.Offset);
    }

    [Theory]
    [InlineData("""{ "price": "1", "source": "s", "observedAt": "2026-11-02T08:00:00Z" }""", "pair", "pair is required.")]
    [InlineData("""{ "pair": "BTCEUR", "price": "1", "source": "s", "observedAt": "2026-11-02T08:00:00Z" }""", "pair", "such as BTC/EUR")]
    [InlineData("""{ "pair": "BTC/EUR", "price": "-1", "source": "s", "observedAt": "2026-11-02T08:00:00Z" }""", "price", "must not be negative")]
    [InlineData("""{ "pair": "BTC/EUR", "price": 0, "source": "s", "observedAt": "2026-11-02T08:00:00Z" }""", "price", "greater than zero")]
    [InlineData("""{ "pair": "BTC/EUR", "price": "1,000.5", "source": "s", "observedAt": "2026-11-02T08:00:00Z" }""", "price", "decimal string")]
    [InlineData("""{ "pair": "BTC/EUR", "price": "1e5", "source": "s", "observedAt": "2026-11-02T08:00:00Z" }""", "price", "decimal string")]
    [InlineData("""{ "pair": "BTC/EUR", "price": true, "source": "s", "observedAt": "2026-11-02T08:00:00Z" }""", "price", "decimal number")]
    [InlineData("""{ "pair": "BTC/EUR", "price": "0.0000000000000000001", "source": "s", "observedAt": "2026-11-02T08:00:00Z" }""", "price", "18 decimal places")]
    [InlineData("""{ "pair": "BTC/EUR", "price": "1", "source": " s", "observedAt": "2026-11-02T08:00:00Z" }""", "source", "letters, digits")]
    [InlineData("""{ "pair": "BTC/EUR", "price": "1", "source": "s", "observedAt": "2026-11-02T08:00:00" }""", "observedAt", "with an offset")]
    [InlineData("""{ "pair": "BTC/EUR", "price": "1", "source": "s", "observedAt": "yesterday" }""", "observedAt", "ISO 8601")]
    [InlineData("""{ "pair": "BTC/EUR", "price": "1", "source": "s", "observedAt": "2026-11-02T09:06:00Z" }""", "observedAt", "360 s ahead of the server's time")]
    public void A_bad_price_names_its_field(string json, string field, string says)
    {
        var read = Read(json, MarketPrice.Read);

        var error = Assert.Single(read.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(says, error.Message);
        Assert.Empty(read.Records);
    }

    [Fact]
    public void A_time_at_the_edge_of_the_allowed_skew_is_accepted()
    {
        var read = Read("""{ "pair": "BTC/EUR", "price": "1", "source": "s", "observedAt": "2026-11-02T09:05:00Z" }""", MarketPrice.Read);

        Assert.Empty(read.Errors);
    }

    [Theory]
    [InlineData("""{ "account": "hot-1", "asset": "BTC", "spendable": "-0.1", "pendingInbound": "0", "asOf": "2026-11-02T08:00:00Z" }""", "spendable", "must not be negative")]
    [InlineData("""{ "account": "hot-1", "asset": "BTC", "spendable": "1", "asOf": "2026-11-02T08:00:00Z" }""", "pendingInbound", "pendingInbound is required.")]
    [InlineData("""{ "account": "hot|1", "asset": "BTC", "spendable": "1", "pendingInbound": "0", "asOf": "2026-11-02T08:00:00Z" }""", "account", "letters, digits")]
    public void A_bad_inventory_snapshot_names_its_field(string json, string field, string says)
    {
        var error = Assert.Single(Read(json, InventorySnapshot.Read).Errors);

        Assert.Equal(field, error.Field);
        Assert.Contains(says, error.Message);
    }

    [Theory]
    [InlineData("""{ "actionId": "a1", "kind": "transfer", "asset": "EURe", "amount": "5", "status": "stuck", "at": "2026-11-02T08:00:00Z" }""", "status", "requested, submitted, pending, settled, failed, cancelled")]
    [InlineData("""{ "actionId": "a1", "kind": "transfer", "asset": "EURe", "amount": "-5", "status": "pending", "at": "2026-11-02T08:00:00Z" }""", "amount", "must not be negative")]
    [InlineData("""{ "actionId": "a1", "kind": "transfer", "asset": "EURe", "amount": "5", "status": "1", "at": "2026-11-02T08:00:00Z" }""", "status", "must be one of")]
    public void A_bad_liquidity_action_names_its_field(string json, string field, string says)
    {
        var error = Assert.Single(Read(json, LiquidityAction.Read).Errors);

        Assert.Equal(field, error.Field);
        Assert.Contains(says, error.Message);
    }

    [Theory]
    [InlineData("""{ "tradeId": "t1", "pair": "BTC/EUR", "status": "cancelled", "at": "2026-11-02T08:00:00Z" }""", "status", "submitted, filled, failed")]
    [InlineData("""{ "tradeId": "t1", "pair": "BTC/EUR", "status": "failed" }""", "at", "at is required.")]
    [InlineData("""{ "pair": "BTC/EUR", "status": "failed", "at": "2026-11-02T08:00:00Z" }""", "tradeId", "tradeId is required.")]
    public void A_bad_trade_result_names_its_field(string json, string field, string says)
    {
        var error = Assert.Single(Read(json, TradeResult.Read).Errors);

        Assert.Equal(field, error.Field);
        Assert.Contains(says, error.Message);
    }

    [Fact]
    public void Statuses_read_in_any_case_and_a_reason_may_be_left_out()
    {
        var read = Read("""
            [{ "tradeId": "t1", "pair": "BTC/EUR", "status": "FAILED", "reason": "Insufficient funds", "at": "2026-11-02T08:00:00Z" },
             { "tradeId": "t2", "pair": "BTC/EUR", "status": "filled", "at": "2026-11-02T08:00:00Z" }]
            """, TradeResult.Read);

        Assert.Empty(read.Errors);
        Assert.Equal([TradeStatus.Failed, TradeStatus.Filled], read.Records.Select(r => r.Status));
        Assert.Null(read.Records[1].Reason);
    }

    [Fact]
    public void A_batch_with_bad_records_is_refused_whole_naming_each_field_by_its_index()
    {
        var read = Read("""
            [{ "pair": "BTC/EUR", "price": "1", "source": "s", "observedAt": "2026-11-02T08:00:00Z" },
             { "pair": "BTC/EUR", "price": "-2", "source": "s", "observedAt": "2026-11-02T08:00:01Z" },
             "not an object",
             { "pair": "BTC/EUR", "price": "3", "source": "s" }]
            """, MarketPrice.Read);

        Assert.Empty(read.Records);
        Assert.Equal(["[1].price", "[2]", "[3].observedAt"], read.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("[]", "1 to 1000 records")]
    [InlineData("42", "JSON object")]
    public void An_empty_batch_or_a_body_that_is_no_record_is_refused(string json, string says)
    {
        var error = Assert.Single(Read(json, MarketPrice.Read).Errors);

        Assert.Equal("body", error.Field);
        Assert.Contains(says, error.Message);
    }
}

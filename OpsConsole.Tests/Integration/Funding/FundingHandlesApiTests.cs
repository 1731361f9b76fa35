using System.Net;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Funding;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>GET and POST /api/funding/handles: signed with Funding:Admin only, each change audited, bad input refused
/// naming the field with nothing stored.</summary>
[Trait("Category", "Integration")]
public sealed class FundingHandlesApiTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Handles = "/api/funding/handles";
    const string Regtest = "bcrt1q2nup2tnr4cg89z2crh43uurv6w0dqch8w40q7u";
    const string Gnosis = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    readonly AlertsApp app = new(fixture, AlertsApp.PricesOnlyKey);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    static string Body(string chain, string asset, string address, string label = "API intake", string account = "api-acct") =>
        $$"""{ "chain": "{{chain}}", "asset": "{{asset}}", "account": "{{account}}", "depositAddress": "{{address}}", "label": "{{label}}" }""";

    async Task<int> CountAsync()
    {
        await using var db = fixture.CreateContext();
        return await db.FundingHandles.CountAsync(h => h.Account == "api-acct");
    }

    [Fact]
    public async Task A_key_without_the_funding_admin_scope_is_refused_naming_the_scope()
    {
        using var post = await app.PostAsync(Handles, Body("bitcoin", "BTC", Regtest), AlertsApp.PricesKey, AlertsApp.PricesSecret);
        using var deposit = await app.PostAsync("/api/ingest/bridge-deposits",
            """{ "asset": "BTC", "amount": "1", "depositTxHash": "aa", "creditedAt": "2026-01-01T00:00:00Z", "account": "a" }""", AlertsApp.PricesKey, AlertsApp.PricesSecret);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains(FundingFeature.AdminScope, (await SignedRequest.ProblemAsync(post)).GetRawText());
        Assert.Equal(HttpStatusCode.Forbidden, deposit.StatusCode);
        Assert.Contains(FundingFeature.BridgeDepositsScope, (await SignedRequest.ProblemAsync(deposit)).GetRawText());
    }

    [Fact]
    public async Task A_handle_is_added_listed_edited_and_deactivated_each_change_audited_once()
    {
        using var created = await app.PostAsync(Handles, Body("bitcoin", "BTC", Regtest.ToUpperInvariant(), "Cold intake"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var handle = await app.JsonAsync(created);
        var id = handle.GetProperty("id").GetGuid();
        Assert.Equal($"{Handles}/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(Regtest, handle.GetProperty("depositAddress").GetString());
        Assert.True(handle.GetProperty("active").GetBoolean());

        using var list = await app.GetSignedAsync(Handles);
        Assert.Contains((await app.JsonAsync(list)).EnumerateArray(), h => h.GetProperty("id").GetGuid() == id);

        using var renamed = await app.PostAsync($"{Handles}/{id}", Body("bitcoin", "BTC", Regtest, "Cold intake 2"));
        using var same = await app.PostAsync($"{Handles}/{id}", Body("bitcoin", "BTC", Regtest, "Cold intake 2"));
        using var off = await app.PostAsync($"{Handles}/{id}", """{ "chain": "bitcoin", "asset": "BTC", "account": "api-acct", "depositAddress": "%A%", "label": "Cold intake 2", "active": false }""".Replace("%A%", Regtest));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.False((await app.JsonAsync(off)).GetProperty("active").GetBoolean());

        await using var db = fixture.CreateContext();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.SubjectId == id.ToString()).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([FundingAuditActions.HandleAdded, FundingAuditActions.HandleChanged, FundingAuditActions.HandleDeactivated],
            events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal("machine:demo", e.Actor));
    }

    [Theory]
    [InlineData("bitcoin", "EURe", Regtest, "asset")]
    [InlineData("gnosis", "BTC", Gnosis, "asset")]
    [InlineData("solana", "BTC", Regtest, "chain")]
    [InlineData("bitcoin", "BTC", "bc1qeqf7j6sua7t8dpr6cuuryuqvcgfrau6j287mcm", "depositAddress")]
    [InlineData("bitcoin", "BTC", "bcrt1q2nup2tnr4cg89z2crh43uurv6w0dqch8w40q7v", "depositAddress")]
    [InlineData("gnosis", "EURe", "0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "depositAddress")]
    public async Task Bad_input_gets_400_naming_the_field_and_stores_nothing(string chain, string asset, string address, string field)
    {
        var before = await CountAsync();

        using var response = await app.PostAsync(Handles, Body(chain, asset, address));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SignedRequest.ProblemAsync(response);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_address_refusal_says_why_and_a_second_handle_on_one_address_is_refused()
    {
        using var mainnet = await app.PostAsync(Handles, Body("bitcoin", "BTC", "bc1qeqf7j6sua7t8dpr6cuuryuqvcgfrau6j287mcm"));
        Assert.Contains("the console is on regtest",
            (await SignedRequest.ProblemAsync(mainnet)).GetProperty("errors").GetProperty("depositAddress")[0].GetString());

        using var first = await app.PostAsync(Handles, Body("gnosis", "EURe", Gnosis, "EURe intake"));
        using var second = await app.PostAsync(Handles, Body("gnosis", "EURe", Gnosis, "EURe again"));
        using var malformed = await app.PostAsync(Handles, """{ "chain": 5 }""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("EURe intake", (await SignedRequest.ProblemAsync(second)).GetProperty("errors").GetProperty("depositAddress")[0].GetString());
        Assert.Equal(["body"], (await SignedRequest.ProblemAsync(malformed)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await using var db = fixture.CreateContext();
        Assert.Equal(1, await db.FundingHandles.CountAsync(h => h.DepositAddress == Gnosis));
    }

    [Fact]
    public async Task An_unknown_handle_is_404()
    {
        using var edit = await app.PostAsync($"{Handles}/{Guid.NewGuid()}", Body("bitcoin", "BTC", Regtest));
        using var read = await app.GetSignedAsync($"{Handles}/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }
}

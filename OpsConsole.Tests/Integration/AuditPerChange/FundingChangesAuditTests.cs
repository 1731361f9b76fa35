using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Funding;
using OpsConsole.Features.Funding.Simulation;
using OpsConsole.Platform.Audit;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.AuditPerChange;

/// <summary>Each change of a funding handle leaves one event naming what changed; a change to the same values, one made
/// from an outdated read, a handle with a problem and a non-Admin leave none and store nothing. Each observed change of a
/// transfer, each pause, resume and refresh of the observer and each demo payment leave one event; a needless or refused
/// one none.</summary>
[Trait("Category", "Integration")]
public sealed class FundingChangesAuditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Admin = "admin@demo.local";
    const string Address = "bcrt1qkw37047hmfvjacrhd5l394t6d60xtsudfulnvgl6hfq9q7gmv29qd6ssde";
    readonly AlertsApp app = new(fixture);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    static FundingHandleInput Handle(string label = "Audit intake") => new(FundingAssets.Bitcoin, FundingAssets.Btc, "audit-acct", Address, label);

    async Task<FundingHandle> StoredAsync()
    {
        await using var db = fixture.CreateContext();
        return await db.FundingHandles.AsNoTracking().SingleAsync(h => h.Account == "audit-acct");
    }

    [Fact]
    public async Task Adding_editing_deactivating_and_reactivating_a_handle_leave_one_event_each_and_needless_stale_or_bad_changes_none()
    {
        var handles = app.Host.Services.GetRequiredService<FundingHandles>();
        var admin = await app.Host.PrincipalAsync(Admin);
        var viewer = await app.Host.PrincipalAsync("viewer@demo.local");

        Assert.Equal([FundingHandleRules.AssetField], (await handles.AddAsync(admin, Handle() with { Asset = FundingAssets.Eure })).Errors.Select(e => e.Field));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => handles.AddAsync(viewer, Handle()));
        Assert.True((await handles.AddAsync(admin, Handle())).Succeeded);
        var added = await StoredAsync();
        Assert.True((await handles.SaveAsync(admin, added.Id, Handle(), added.Version)).Succeeded);
        Assert.True((await handles.SaveAsync(admin, added.Id, Handle("Renamed"), added.Version)).Succeeded);
        Assert.Contains("after you opened it", Assert.Single((await handles.SaveAsync(admin, added.Id, Handle("Again"), added.Version)).Errors).Message);
        var renamed = await StoredAsync();
        Assert.True((await handles.SetActiveAsync(admin, added.Id, false, renamed.Version)).Succeeded);
        Assert.True((await handles.SetActiveAsync(admin, added.Id, false, null)).Succeeded);
        Assert.True((await handles.SetActiveAsync(admin, added.Id, true, null)).Succeeded);

        Assert.Equal([FundingAuditActions.HandleAdded, FundingAuditActions.HandleChanged, FundingAuditActions.HandleDeactivated, FundingAuditActions.HandleReactivated],
            await AuditCounts.ActionsAsync(fixture.ConnectionString, FundingAuditActions.HandleSubjectType, added.Id.ToString()));
        await using var db = fixture.CreateContext();
        var changed = await db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.SubjectId == added.Id.ToString() && e.Action == FundingAuditActions.HandleChanged);
        Assert.Equal(Admin, changed.Actor);
        var label = Assert.Single(changed.Details!["changes"]!.AsObject());
        Assert.Equal(("label", "Audit intake", "Renamed"), (label.Key, label.Value!["before"]!.GetValue<string>(), label.Value["after"]!.GetValue<string>()));
        Assert.Equal(("Renamed", true), ((await StoredAsync()).Label, (await StoredAsync()).Active));
    }

    [Fact]
    public async Task The_demo_handles_leave_one_event_each_and_seeding_again_none()
    {
        var seed = app.Host.Services.GetRequiredService<FundingDemoSeed>();
        await using var db = fixture.CreateContext();
        var seeded = await db.FundingHandles.AsNoTracking().Where(h => h.Account.StartsWith("treasury-")).ToListAsync();

        Assert.Equal([FundingAssets.Bitcoin, FundingAssets.Gnosis], seeded.Select(h => h.Chain).Order());
        Assert.Equal(0, await seed.SeedAsync());
        foreach (var handle in seeded)
            Assert.Equal([FundingAuditActions.HandleAdded],
                await AuditCounts.ActionsAsync(fixture.ConnectionString, FundingAuditActions.HandleSubjectType, handle.Id.ToString()));
        Assert.Equal(seeded.Count, await db.AuditEvents.CountAsync(e => e.Action == FundingAuditActions.HandleAdded && e.Actor == AuditEntry.System("demo-seed")));
    }

    [Fact]
    public async Task Each_change_of_a_transfer_leaves_one_event_and_a_poll_that_finds_no_change_none()
    {
        var chain = app.Host.Services.GetRequiredService<SimulatedBitcoinChain>();
        var observer = app.Host.Services.GetRequiredService<FundingObserver>();
        await using var db = fixture.CreateContext();
        var btc = await db.FundingHandles.AsNoTracking().SingleAsync(h => h.Account == "treasury-btc");
        var txid = chain.Pay(btc.DepositAddress, 70_000);

        await observer.PollAsync();
        await observer.PollAsync();
        Assert.Equal([FundingAuditActions.Observed], await AuditCounts.ActionsAsync(fixture.ConnectionString, FundingAuditActions.TransferSubjectType, txid));

        app.Clock.Advance(SimulatedBitcoinChain.BlockEvery);
        await observer.PollAsync();
        await observer.PollAsync();
        Assert.Equal([FundingAuditActions.Observed, FundingAuditActions.Observed],
            await AuditCounts.ActionsAsync(fixture.ConnectionString, FundingAuditActions.TransferSubjectType, txid));
    }

    [Fact]
    public async Task Pausing_resuming_and_refreshing_the_observer_leave_one_event_each_and_needless_or_refused_ones_none()
    {
        var control = app.Host.Services.GetRequiredService<FundingObserverControl>();
        var admin = await app.Host.PrincipalAsync(Admin);
        var viewer = await app.Host.PrincipalAsync("viewer@demo.local");

        Assert.Contains("Only an Admin", (await control.PauseAsync(viewer)).Message);
        Assert.True((await control.PauseAsync(admin)).Done);
        Assert.True((await control.PauseAsync(admin)).Done);
        Assert.Contains("resume it", (await control.RefreshAsync(admin)).Message);
        Assert.True((await control.ResumeAsync(admin)).Done);
        Assert.True((await control.RefreshAsync(admin)).Done);

        Assert.Equal([FundingAuditActions.ObserverPaused, FundingAuditActions.ObserverResumed, FundingAuditActions.ObserverRefreshed],
            await AuditCounts.ActionsAsync(fixture.ConnectionString, FundingAuditActions.ObserverSubjectType, FundingAuditActions.ObserverSubjectId));
        await using var db = fixture.CreateContext();
        Assert.All(await db.AuditEvents.AsNoTracking().Where(e => e.SubjectType == FundingAuditActions.ObserverSubjectType).ToListAsync(),
            e => Assert.Equal(Admin, e.Actor));
    }

    [Fact]
    public async Task A_demo_payment_leaves_one_event_with_its_transaction_and_a_refused_one_none()
    {
        var payments = app.Host.Services.GetRequiredService<FundingDemoPayments>();
        var admin = await app.Host.PrincipalAsync(Admin);
        var viewer = await app.Host.PrincipalAsync("viewer@demo.local");
        // An address of its own: another test of the class holds Address.
        Assert.True((await app.Host.Services.GetRequiredService<FundingHandles>().AddAsync(admin,
            Handle("Paid intake") with { Account = "paid-acct", DepositAddress = "bcrt1q2nup2tnr4cg89z2crh43uurv6w0dqch8w40q7u" })).Succeeded);
        await using var read = fixture.CreateContext();
        var handle = await read.FundingHandles.AsNoTracking().SingleAsync(h => h.Account == "paid-acct");

        Assert.Contains("Only an Admin", (await payments.PayAsync(viewer, handle.Id, 0.5m)).Message);
        Assert.Contains("at most 8 decimals", (await payments.PayAsync(admin, handle.Id, 0.123456789m)).Message);
        Assert.Contains("at most 100 BTC", (await payments.PayAsync(admin, handle.Id, 0m)).Message);
        Assert.Contains("does not exist", (await payments.PayAsync(admin, Guid.NewGuid(), 0.5m)).Message);
        var paid = await payments.PayAsync(admin, handle.Id, 0.5m);

        Assert.True(paid.Done, paid.Message);
        var mempool = app.Host.Services.GetRequiredService<SimulatedBitcoinChain>().Read().Mempool;
        var sent = Assert.Single(mempool, t => paid.Message.Contains(t.Txid, StringComparison.Ordinal));
        Assert.Equal([FundingDemoPayments.Paid], (await AuditCounts.ActionsAsync(fixture.ConnectionString, FundingAuditActions.HandleSubjectType,
            handle.Id.ToString())).Where(a => a == FundingDemoPayments.Paid));
        await using var db = fixture.CreateContext();
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == FundingDemoPayments.Paid && e.SubjectId == handle.Id.ToString());
        Assert.Equal((Admin, sent.Txid, "0.5"), (audit.Actor, audit.Details!["txHash"]!.GetValue<string>(), audit.Details["amount"]!.GetValue<string>()));
    }
}

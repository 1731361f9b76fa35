using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Funding;
using OpsConsole.Features.Funding.Pages;
using OpsConsole.Features.Funding.State;
using OpsConsole.Features.Identity;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Tests.Components.DialogFields;

namespace OpsConsole.Tests.Components.Funding;

/// <summary>The funding page over the real service and this context's database: it says plainly that nothing is spendable
/// until credited; an Admin's bad address is named under its field and stores nothing; a handle is listed and can be
/// deactivated; a Viewer reads the handles without the buttons that change them; each transfer shows its timeline and
/// whether it is spendable; an Admin pauses and resumes the observer from the page.</summary>
[Trait("Category", "Component")]
public class FundingPageTests : DatabaseShellContext
{
    const string Admin = "admin@ops.test";
    const string Address = "bcrt1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqc8gma6";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public FundingPageTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));
        Services.AddOptions<BitcoinSettings>();
        Services.AddSingleton<FundingHandles>();
        Services.AddSingleton<FundingStateQuery>();
        Services.AddTransient<FundingObserverControl>();
        // Never started: these tests pause and resume, and no job runs.
        Services.AddUnstartedScheduler();
        Services.AddAuthorizationBuilder().AddPolicy(FundingFeature.Admins, FundingFeature.AdminsPolicy);
    }

    IRenderedComponent<IComponent> Open()
    {
        var page = RenderInShell<FundingPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=funding-handles]")), Patience);
        return page;
    }

    async Task AddAsync(string label)
    {
        var admin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Email, Admin), new(System.Security.Claims.ClaimTypes.Role, Roles.Admin)], "test"));
        Assert.True((await Services.GetRequiredService<FundingHandles>().AddAsync(admin,
            new(FundingAssets.Bitcoin, FundingAssets.Btc, "treasury-btc", Address, label))).Succeeded);
    }

    [Fact]
    public async Task A_bad_address_is_named_under_its_field_and_nothing_is_stored()
    {
        SignIn(Admin, "Ada Admin", Roles.Admin);
        var page = Open();
        Assert.Contains("Not spendable until credited.", page.Find("[data-testid=not-spendable]").TextContent);
        Button(page, "New handle").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".mud-dialog")), Patience);

        Input(page, "Account").Change("treasury-btc");
        Input(page, "Deposit address").Change("bc1qeqf7j6sua7t8dpr6cuuryuqvcgfrau6j287mcm");
        Input(page, "Label").Change("Cold intake");
        page.WaitForAssertion(() => Assert.Equal("Cold intake", Input(page, "Label").GetAttribute("value")), Patience);
        Button(page, "Save", ".mud-dialog").Click();

        page.WaitForAssertion(() => Assert.Equal(
            ["depositAddress is not a valid Bitcoin regtest address: This is a mainnet address (its prefix is bc); the console is on regtest."],
            Errors(page)), Patience);
        Assert.NotNull(page.Find(".mud-dialog"));
        await using var db = Context();
        Assert.False(await db.FundingHandles.AnyAsync());
        Assert.False(await db.AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task A_stored_handle_is_listed_and_deactivating_it_is_kept()
    {
        SignIn(Admin, "Ada Admin", Roles.Admin);
        await AddAsync("Cold intake");

        var page = Open();
        page.WaitForAssertion(() => Assert.Contains(Address, page.Find("[data-testid=funding-handles]").TextContent), Patience);
        Assert.Contains($"{Admin}, 2026-11-02 09:00", page.Find("[data-testid=funding-handles]").TextContent);
        page.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Deactivate Cold intake").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.FindAll(".mud-dialog button").FirstOrDefault(b => b.TextContent.Trim() == "Deactivate")), Patience);
        Button(page, "Deactivate", ".mud-dialog").Click();

        page.WaitForAssertion(() => Assert.Contains("Deactivated the handle.", page.Markup), Patience);
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("button"), b => b.GetAttribute("aria-label") == "Reactivate Cold intake"), Patience);
        await using var db = Context();
        Assert.False((await db.FundingHandles.AsNoTracking().SingleAsync()).Active);
    }

    [Fact]
    public async Task A_viewer_reads_the_handles_without_the_buttons_that_change_them()
    {
        SignIn("viewer@ops.test", "Vic Viewer", Roles.Viewer);
        await AddAsync("Viewer sees this");

        var page = Open();

        page.WaitForAssertion(() => Assert.Contains("Viewer sees this", page.Find("[data-testid=funding-handles]").TextContent), Patience);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "New handle" or "Edit" or "Deactivate");
    }

    [Fact]
    public async Task Each_transfer_shows_its_timeline_and_is_called_spendable_only_once_credited()
    {
        SignIn("viewer@ops.test", "Vic Viewer", Roles.Viewer);
        await AddAsync("Cold intake");
        await using (var db = Context())
        {
            var handle = await db.FundingHandles.SingleAsync();
            var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
            Observe(db, handle, "aa", [(FundingObservationStatus.SeenInMempool, 0), (FundingObservationStatus.Confirming, 1),
                (FundingObservationStatus.SeenInMempool, 0)], at, 0.25m);
            Observe(db, handle, "bb", [(FundingObservationStatus.SeenInMempool, 0), (FundingObservationStatus.Confirmed, 6),
                (FundingObservationStatus.Credited, 6)], at.AddMinutes(1), 1.5m);
            await db.SaveChangesAsync();
        }

        var page = Open();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=funding-transfer]").Count), Patience);
        var reorged = page.Find($"[data-tx={Hash("aa")}]");
        Assert.Contains("0.25 BTC to Cold intake", reorged.TextContent);
        Assert.Contains("not spendable until credited", reorged.TextContent);
        Assert.Equal(["2026-11-02 09:00:00 UTC: Seen in the mempool", "2026-11-02 09:01:00 UTC: 1 confirmation",
            "2026-11-02 09:02:00 UTC: Back in the mempool: its block left the chain"], reorged.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        var credited = page.Find($"[data-tx={Hash("bb")}]");
        Assert.Equal("Credited", credited.QuerySelector("[data-testid=transfer-status]")!.TextContent.Trim());
        Assert.Contains("spendable since the bridge's credit", credited.TextContent);
        Assert.Contains("0.25 BTC uncredited", page.Find("[data-testid=funding-totals]").TextContent);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Refresh now" or "Pause observer");
    }

    [Fact]
    public async Task An_admin_pauses_and_resumes_the_observer_from_the_page()
    {
        SignIn(Admin, "Ada Admin", Roles.Admin);
        var page = Open();
        Assert.Equal("Observer running", page.Find("[data-testid=observer-state]").TextContent.Trim());

        Button(page, "Pause observer").Click();

        page.WaitForAssertion(() => Assert.Equal("Observer paused", page.Find("[data-testid=observer-state]").TextContent.Trim()), Patience);
        Assert.True(page.Find("[data-testid=observer-refresh]").HasAttribute("disabled"));
        Assert.Contains($"by {Admin}, 2026-11-02 09:00:00 UTC", page.Find("[data-testid=funding-observer]").TextContent);
        Button(page, "Resume observer").Click();
        page.WaitForAssertion(() => Assert.Equal("Observer running", page.Find("[data-testid=observer-state]").TextContent.Trim()), Patience);
        await using var db = Context();
        Assert.False((await db.FundingObserverState.AsNoTracking().SingleAsync()).Paused);
    }

    static string Hash(string seed) => string.Concat(Enumerable.Repeat(seed, 32));

    /// <summary>Writes a transfer's observations one minute apart, and its current row, as the observer would have.</summary>
    static void Observe(OpsConsole.Platform.Data.OpsDbContext db, FundingHandle handle, string seed, (string Status, int Confirmations)[] steps,
        DateTimeOffset at, decimal amount)
    {
        var current = new FundingObservationCurrent { FundingHandle = handle.Id, TxHash = Hash(seed), AccountId = "", AssetId = "", Chain = "", Status = "" };
        foreach (var (step, i) in steps.Select((s, i) => (s, i)))
        {
            var credited = step.Status == FundingObservationStatus.Credited;
            var row = new FundingObservation
            {
                AccountId = handle.Account,
                AssetId = handle.Asset,
                Chain = handle.Chain,
                FundingHandle = handle.Id,
                Source = "simulated",
                TxHash = Hash(seed),
                Status = step.Status,
                Amount = amount,
                Confirmations = step.Confirmations,
                FirstSeenAt = at,
                LastSeenAt = at.AddMinutes(i),
                IngestedAt = at.AddMinutes(i),
                CreditedAt = credited ? at.AddMinutes(i) : null,
                BridgeDepositTxHash = credited ? Hash(seed) : null,
            };
            db.FundingObservations.Add(row);
            current.Take(row);
        }
        db.FundingObservationsCurrent.Add(current);
    }
}

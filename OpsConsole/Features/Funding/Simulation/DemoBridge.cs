using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Funding;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Funding.Simulation;

/// <summary>
/// The demo's bridge, in demo mode on a simulated chain only: it credits each transfer to the demo's BTC and EURe handles
/// <see cref="CreditAfter"/> after the observer recorded it confirmed, through the store the signed bridge endpoint uses
/// (under key <see cref="KeyId"/>), so the observer's next poll walks it to credited. It never credits
/// <see cref="FundingDemoSeed.NeverCreditedPayment"/>, which therefore raises funding_confirmed_credit_pending once
/// Alerts:CreditPendingAfter has passed.
/// </summary>
public sealed class DemoBridge(IDbContextFactory<OpsDbContext> dbs, BridgeDepositStore deposits, TimeProvider time)
{
    public const string KeyId = "demo-bridge";
    public static readonly TimeSpan CreditAfter = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan RunEvery = TimeSpan.FromSeconds(15);

    /// <summary>Credits the confirmed transfers now due; returns how many it credited.</summary>
    public async Task<int> CreditDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var due = now - CreditAfter;
        var never = FundingDemoSeed.NeverCreditedPayment / FundingAssets.SatoshisPerBtc;
        List<FundingObservationCurrent> confirmed;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            confirmed = await db.FundingObservationsCurrent.AsNoTracking()
                .Where(t => t.Status == FundingObservationStatus.Confirmed && t.ObservedAt <= due
                    && ((t.AssetId == FundingAssets.Btc && t.AccountId == FundingDemoSeed.BtcAccount && t.Amount != never)
                        || (t.AssetId == FundingAssets.Eure && t.AccountId == FundingDemoSeed.EureAccount)))
                .ToListAsync(ct);
        }
        if (confirmed.Count == 0)
            return 0;
        var stored = await deposits.StoreAsync([.. confirmed.Select(t => new BridgeDeposit(t.AssetId, t.Amount, t.TxHash, now, t.AccountId))], KeyId, ct);
        return stored.Count(s => s);
    }
}

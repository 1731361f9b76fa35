using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Alerts;
using OpsConsole.Features.Alerts.Ingest;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Alerts;

/// <summary>The tables Alerts owns, reached as members of the shared context; their mapping is in Data/.</summary>
public static class AlertTables
{
    extension(OpsDbContext db)
    {
        public DbSet<MarketPriceRecord> MarketPrices => db.Set<MarketPriceRecord>();
        public DbSet<MarketPriceCurrent> MarketPricesCurrent => db.Set<MarketPriceCurrent>();
        public DbSet<InventoryRecord> InventorySnapshots => db.Set<InventoryRecord>();
        public DbSet<InventoryCurrent> InventoryCurrent => db.Set<InventoryCurrent>();
        public DbSet<LiquidityActionRecord> LiquidityActions => db.Set<LiquidityActionRecord>();
        public DbSet<LiquidityActionCurrent> LiquidityActionsCurrent => db.Set<LiquidityActionCurrent>();
        public DbSet<TradeResultRecord> TradeResults => db.Set<TradeResultRecord>();
        public DbSet<ExecutorPairCurrent> ExecutorPairsCurrent => db.Set<ExecutorPairCurrent>();
        public DbSet<AlertEvent> AlertEvents => db.Set<AlertEvent>();
        public DbSet<ActiveAlert> ActiveAlerts => db.Set<ActiveAlert>();
        public DbSet<AlertSilence> AlertSilences => db.Set<AlertSilence>();
        public DbSet<AlertRuleRun> AlertRuleRuns => db.Set<AlertRuleRun>();
        public DbSet<AlertEvaluatorState> AlertEvaluatorState => db.Set<AlertEvaluatorState>();
    }
}

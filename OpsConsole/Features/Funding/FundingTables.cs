using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Funding;

/// <summary>The tables Funding owns, reached as members of the shared context; their mapping is in Data/.</summary>
public static class FundingTables
{
    extension(OpsDbContext db)
    {
        public DbSet<FundingHandle> FundingHandles => db.Set<FundingHandle>();
        public DbSet<BridgeDepositRecord> BridgeDeposits => db.Set<BridgeDepositRecord>();
        public DbSet<FundingObservation> FundingObservations => db.Set<FundingObservation>();
        public DbSet<FundingObservationCurrent> FundingObservationsCurrent => db.Set<FundingObservationCurrent>();
        public DbSet<FundingObserverHealth> FundingObserverHealth => db.Set<FundingObserverHealth>();
        public DbSet<FundingObserverState> FundingObserverState => db.Set<FundingObserverState>();
    }
}

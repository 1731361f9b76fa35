using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.PackApprovals;

/// <summary>The tables PackApprovals owns, reached as members of the shared context; their mapping is in Data/.</summary>
public static class PackTables
{
    extension(OpsDbContext db)
    {
        public DbSet<PackApproval> PackApprovals => db.Set<PackApproval>();
        public DbSet<PackHold> PackHolds => db.Set<PackHold>();
        public DbSet<AcceptedPackEvent> AcceptedPackEvents => db.Set<AcceptedPackEvent>();
        public DbSet<PackRoutingRule> PackRoutingRules => db.Set<PackRoutingRule>();
    }
}

using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Approvals;

/// <summary>The tables Approvals owns, reached as members of the shared context; their mapping is in Data/.</summary>
public static class ApprovalTables
{
    extension(OpsDbContext db)
    {
        public DbSet<ApprovalRequest> ApprovalRequests => db.Set<ApprovalRequest>();
        public DbSet<ApprovalIdempotencyKey> ApprovalIdempotencyKeys => db.Set<ApprovalIdempotencyKey>();
        public DbSet<SlaDeferral> SlaDeferrals => db.Set<SlaDeferral>();
        public DbSet<SlaPolicyOverride> SlaPolicyOverrides => db.Set<SlaPolicyOverride>();
    }
}

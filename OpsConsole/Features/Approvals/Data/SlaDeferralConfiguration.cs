using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals.Data;

sealed class SlaDeferralConfiguration : IEntityTypeConfiguration<SlaDeferral>
{
    public void Configure(EntityTypeBuilder<SlaDeferral> b)
    {
        b.ToTable("sla_deferrals");
        b.HasKey(d => d.RequestId);
        b.HasOne<ApprovalRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

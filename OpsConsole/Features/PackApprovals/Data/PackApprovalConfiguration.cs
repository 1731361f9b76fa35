using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.PackApprovals;

namespace OpsConsole.Features.PackApprovals.Data;

sealed class PackApprovalConfiguration : IEntityTypeConfiguration<PackApproval>
{
    public void Configure(EntityTypeBuilder<PackApproval> b)
    {
        b.ToTable("pack_approvals");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Tenant).HasMaxLength(128);
        b.Property(p => p.RunId).HasMaxLength(128);
        b.Property(p => p.ApprovalId).HasMaxLength(128);
        b.Property(p => p.KeyId).HasMaxLength(128);
        b.Property(p => p.PlanHash).HasMaxLength(71);
        b.Property(p => p.MessageTemplate).HasMaxLength(128);
        b.Property(p => p.MessageLocale).HasMaxLength(20);
        b.Property(p => p.MessageValues).HasColumnType("jsonb").HasConversion(v => PackJson.Write(v), s => PackJson.ReadValues(s), PackJson.Comparer);
        b.Property(p => p.ResumeCallbackUrl).HasMaxLength(2000);
        b.Property(p => p.Fingerprint).HasMaxLength(64);
        b.Property(p => p.CorrelationId).HasMaxLength(128);
        b.Property(p => p.LastEventId).HasMaxLength(128);
        b.Property(p => p.Decision).HasMaxLength(16);
        b.Property(p => p.DecisionHash).HasMaxLength(64);
        b.Property(p => p.DecidedBy).HasMaxLength(256);
        b.Property(p => p.DecisionComment).HasMaxLength(2000);
        b.Property(p => p.Version).IsRowVersion();
        // One row per approval of a run, which also serves look-ups by tenant; runs and approval ids are found across tenants.
        b.HasIndex(p => new { p.Tenant, p.RunId, p.ApprovalId }).IsUnique();
        b.HasIndex(p => p.RunId);
        b.HasIndex(p => p.ApprovalId);
        // The request it opened, found from either side.
        b.HasOne<ApprovalRequest>().WithOne().HasForeignKey<PackApproval>(p => p.RequestId).OnDelete(DeleteBehavior.Restrict);
        // The retention job's scan.
        b.HasIndex(p => p.UpdatedAt);
    }
}

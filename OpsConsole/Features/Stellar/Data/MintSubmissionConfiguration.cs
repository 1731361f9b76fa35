using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Features.Stellar.Data;

sealed class MintSubmissionConfiguration : IEntityTypeConfiguration<MintSubmission>
{
    public void Configure(EntityTypeBuilder<MintSubmission> b)
    {
        b.ToTable("stellar_submissions");
        b.HasKey(s => s.Id);
        b.HasOne<ApprovalRequest>().WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(s => s.SourceAccount).HasMaxLength(56);
        b.Property(s => s.Hash).HasMaxLength(64);
        b.Property(s => s.ResultCodes).HasMaxLength(200);
        b.Property(s => s.Version).IsRowVersion();
        // One first transaction per request, and one rebuild per superseded one: two instances approving or
        // reconciling at once cannot both build.
        b.HasIndex(s => s.RequestId).IsUnique().HasFilter("rebuild_of IS NULL").HasDatabaseName("ux_stellar_submissions_request_first");
        b.HasIndex(s => s.RebuildOf).IsUnique().HasFilter("rebuild_of IS NOT NULL");
        b.HasIndex(s => s.Hash);
        // The reconciler reads only what is still open.
        b.HasIndex(s => s.CreatedAt).HasFilter("status IN ('Built', 'Pending')").HasDatabaseName("ix_stellar_submissions_open");
    }
}

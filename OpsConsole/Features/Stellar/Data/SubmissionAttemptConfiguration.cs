using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Features.Stellar.Data;

sealed class SubmissionAttemptConfiguration : IEntityTypeConfiguration<SubmissionAttempt>
{
    public void Configure(EntityTypeBuilder<SubmissionAttempt> b)
    {
        b.ToTable("stellar_submission_attempts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).UseIdentityAlwaysColumn();
        b.HasOne<MintSubmission>().WithMany().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Kind).HasMaxLength(16);
        b.Property(a => a.Answer).HasMaxLength(64);
        b.HasIndex(a => new { a.SubmissionId, a.Id });
    }
}

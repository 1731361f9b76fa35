using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsConsole.Features.Approvals.Data;

sealed class ApprovalIdempotencyKeyConfiguration : IEntityTypeConfiguration<ApprovalIdempotencyKey>
{
    public void Configure(EntityTypeBuilder<ApprovalIdempotencyKey> b)
    {
        b.ToTable("approval_idempotency_keys");
        // Keys are per machine client: two clients may pick the same key without colliding.
        b.HasKey(k => new { k.KeyId, k.Key });
        b.Property(k => k.KeyId).HasMaxLength(200);
        b.Property(k => k.Key).HasMaxLength(200);
        b.Property(k => k.Tenant).HasMaxLength(200);
        b.Property(k => k.BodyHash).HasMaxLength(64);
        // text, not jsonb: a retry gets the first answer byte for byte.
        b.Property(k => k.Response).HasColumnType("text");
        b.HasIndex(k => k.CreatedAt);
    }
}

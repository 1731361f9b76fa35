using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.PackApprovals;

namespace OpsConsole.Features.PackApprovals.Data;

sealed class PackHoldConfiguration : IEntityTypeConfiguration<PackHold>
{
    public void Configure(EntityTypeBuilder<PackHold> b)
    {
        b.ToTable("pack_policy_holds");
        b.Property(h => h.Tenant).HasMaxLength(128);
        b.Property(h => h.RunId).HasMaxLength(128);
        b.Property(h => h.Gate).HasMaxLength(128);
        b.Property(h => h.EventId).HasMaxLength(128);
        b.Property(h => h.KeyId).HasMaxLength(128);
        b.Property(h => h.CorrelationId).HasMaxLength(128);
        b.Property(h => h.Parameters).HasColumnType("jsonb").HasConversion(v => PackJson.Write(v), s => PackJson.ReadValues(s), PackJson.Comparer);
        // A repeat of an event is stored once.
        b.HasIndex(h => new { h.Tenant, h.EventId }).IsUnique();
        b.HasIndex(h => new { h.Tenant, h.RunId, h.Gate, h.OccurredAt });
        b.HasIndex(h => h.ReceivedAt);
    }
}

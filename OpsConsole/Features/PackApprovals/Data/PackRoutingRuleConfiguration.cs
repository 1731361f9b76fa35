using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.PackApprovals;

namespace OpsConsole.Features.PackApprovals.Data;

sealed class PackRoutingRuleConfiguration : IEntityTypeConfiguration<PackRoutingRule>
{
    public void Configure(EntityTypeBuilder<PackRoutingRule> b)
    {
        b.ToTable("pack_routing_rules");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.EventKind).HasMaxLength(32);
        b.Property(r => r.Tenant).HasMaxLength(128);
        b.Property(r => r.Locale).HasMaxLength(8);
        b.Property(r => r.UpdatedBy).HasMaxLength(320);
        // Channels by name, as the outbox stores them.
        b.PrimitiveCollection(r => r.Channels).ElementType(e => e.HasConversion<string>());
        b.Property(r => r.Version).IsRowVersion();
        // Each event reads the enabled rules of its kind.
        b.HasIndex(r => new { r.EventKind, r.Enabled });
    }
}

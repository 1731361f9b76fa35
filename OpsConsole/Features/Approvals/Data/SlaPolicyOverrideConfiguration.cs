using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsConsole.Features.Approvals.Data;

sealed class SlaPolicyOverrideConfiguration : IEntityTypeConfiguration<SlaPolicyOverride>
{
    public void Configure(EntityTypeBuilder<SlaPolicyOverride> b)
    {
        b.ToTable("sla_policy_overrides");
        b.HasKey(o => o.Kind);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.Clock).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.UpdatedBy).HasMaxLength(320);
        b.Property(o => o.Version).IsRowVersion();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsConsole.Platform.Data.Configurations;

sealed class MachineRequestSignatureConfiguration : IEntityTypeConfiguration<MachineRequestSignature>
{
    public void Configure(EntityTypeBuilder<MachineRequestSignature> b)
    {
        b.ToTable("machine_request_signatures");
        b.HasKey(s => s.Signature);
        b.Property(s => s.Signature).HasMaxLength(64);
        b.HasIndex(s => s.SeenAt);
    }
}

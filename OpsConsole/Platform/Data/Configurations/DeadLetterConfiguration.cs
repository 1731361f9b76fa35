using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Platform.Data.Configurations;

sealed class DeadLetterConfiguration : IEntityTypeConfiguration<DeadLetter>
{
    public void Configure(EntityTypeBuilder<DeadLetter> b)
    {
        b.ToTable("dead_letters");
        b.Property(d => d.Payload).HasColumnType("jsonb");
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Version).IsRowVersion();
        b.HasIndex(d => new { d.Status, d.LastFailedAt });
        b.HasIndex(d => new { d.Fingerprint, d.Status });
        b.HasIndex(d => new { d.AggregateType, d.AggregateId });
    }
}

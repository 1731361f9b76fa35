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
        // Lets the grouped view count a status's records per fingerprint from the index alone.
        b.HasIndex(d => new { d.Status, d.Fingerprint }).IncludeProperties(d => new { d.FirstFailedAt, d.LastFailedAt });
        b.HasIndex(d => new { d.AggregateType, d.AggregateId });
    }
}

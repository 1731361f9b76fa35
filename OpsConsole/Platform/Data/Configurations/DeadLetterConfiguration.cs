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
        // Rows written before occurrences were counted, and rows written by plain SQL, are one occurrence each.
        b.Property(d => d.Occurrences).HasDefaultValue(1);
        b.HasIndex(d => new { d.Status, d.LastFailedAt });
        b.HasIndex(d => new { d.Fingerprint, d.Status });
        // Lets the grouped view count a status's records and occurrences per fingerprint from the index alone.
        b.HasIndex(d => new { d.Status, d.Fingerprint }).IncludeProperties(d => new { d.FirstFailedAt, d.LastFailedAt, d.Occurrences });
        b.HasIndex(d => new { d.AggregateType, d.AggregateId });
        // At most one open record per (aggregate_type, aggregate_id, operation): a partial unique index in raw SQL (see
        // BaselineSql) that DeadLetterWriter's ON CONFLICT names by its predicate.
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Features.Alerts.Ingest;

namespace OpsConsole.Features.Alerts.Data;

sealed class MarketPriceRecordConfiguration : IEntityTypeConfiguration<MarketPriceRecord>
{
    public void Configure(EntityTypeBuilder<MarketPriceRecord> b)
    {
        b.ToTable("market_prices");
        b.Property(r => r.Pair).HasMaxLength(33);
        b.Property(r => r.Price).HasColumnType("numeric");
        b.Property(r => r.Source).HasMaxLength(128);
        b.Property(r => r.KeyId).HasMaxLength(128);
        // The record's source id: a repeat of it is stored once.
        b.HasIndex(r => new { r.Pair, r.Source, r.ObservedAt }).IsUnique();
    }
}

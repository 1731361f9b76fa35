using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Features.Alerts.Ingest;

namespace OpsConsole.Features.Alerts.Data;

sealed class MarketPriceCurrentConfiguration : IEntityTypeConfiguration<MarketPriceCurrent>
{
    public void Configure(EntityTypeBuilder<MarketPriceCurrent> b)
    {
        b.ToTable("market_prices_current");
        b.HasKey(r => r.Pair);
        b.Property(r => r.Pair).HasMaxLength(33);
        b.Property(r => r.Price).HasColumnType("numeric");
        b.Property(r => r.Source).HasMaxLength(128);
    }
}

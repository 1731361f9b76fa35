using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsConsole.Features.Alerts.Data;

sealed class AlertRuleRunConfiguration : IEntityTypeConfiguration<AlertRuleRun>
{
    public void Configure(EntityTypeBuilder<AlertRuleRun> b)
    {
        b.ToTable("alert_rule_runs");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasColumnName("alert_code").HasMaxLength(64);
        b.Property(r => r.LastError).HasMaxLength(1000);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsConsole.Features.Alerts.Data;

sealed class AlertEvaluatorStateConfiguration : IEntityTypeConfiguration<AlertEvaluatorState>
{
    public void Configure(EntityTypeBuilder<AlertEvaluatorState> b)
    {
        b.ToTable("alert_evaluator_state");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.ChangedBy).HasMaxLength(256);
        b.Property(s => s.Version).IsRowVersion();
        // The one row exists from the start, so pausing is an update that two people cannot both win.
        b.HasData(new AlertEvaluatorState { Id = AlertEvaluatorState.TheRow });
    }
}

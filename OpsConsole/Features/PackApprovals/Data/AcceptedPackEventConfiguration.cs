using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.PackApprovals;

namespace OpsConsole.Features.PackApprovals.Data;

sealed class AcceptedPackEventConfiguration : IEntityTypeConfiguration<AcceptedPackEvent>
{
    const string ApprovalEvent = $"kind <> '{AcceptedPackEventKinds.Hold}'";

    public void Configure(EntityTypeBuilder<AcceptedPackEvent> b)
    {
        b.ToTable("pack_events");
        b.HasKey(e => e.Seq);
        b.Property(e => e.Seq).UseIdentityAlwaysColumn();
        b.Property(e => e.Tenant).HasMaxLength(128);
        b.Property(e => e.EventId).HasMaxLength(128);
        b.Property(e => e.Kind).HasMaxLength(16);
        b.Property(e => e.RunId).HasMaxLength(128);
        b.Property(e => e.Item).HasMaxLength(128);
        b.Property(e => e.Fingerprint).HasMaxLength(64);
        b.Property(e => e.Body).HasColumnType("jsonb");
        b.Property(e => e.KeyId).HasMaxLength(128);
        b.Property(e => e.CorrelationId).HasMaxLength(128);
        b.Property(e => e.Outcome).HasMaxLength(16);
        b.Property(e => e.Version).IsRowVersion();
        // One accepted event per revision of an approval: the first wins, a repeat or a rival finds it.
        b.HasIndex(e => new { e.Tenant, e.RunId, e.Item, e.Revision }).IsUnique().HasFilter(ApprovalEvent)
            .HasDatabaseName("ux_pack_events_revision");
        // A hold is stored once per event.
        b.HasIndex(e => new { e.Tenant, e.EventId }).IsUnique().HasFilter($"kind = '{AcceptedPackEventKinds.Hold}'")
            .HasDatabaseName("ux_pack_events_hold");
        // The processing's claim: what waits, in order, and whether an earlier event of the same approval still waits.
        b.HasIndex(e => e.Seq).HasFilter("applied_at IS NULL").HasDatabaseName("ix_pack_events_waiting");
        b.HasIndex(e => new { e.Tenant, e.RunId, e.Item, e.Seq }).HasFilter("applied_at IS NULL").HasDatabaseName("ix_pack_events_waiting_item");
        // The retention job's scan.
        b.HasIndex(e => e.ReceivedAt);
    }
}

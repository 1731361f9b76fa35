using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Platform.Data.Configurations;

sealed class OutboxEntryConfiguration : IEntityTypeConfiguration<OutboxEntry>
{
    public void Configure(EntityTypeBuilder<OutboxEntry> b)
    {
        b.ToTable("notification_outbox");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Recipient).HasMaxLength(320);
        b.Property(e => e.SubjectType).HasMaxLength(64);
        b.Property(e => e.SubjectId).HasMaxLength(128);
        b.Property(e => e.EventKey).HasMaxLength(64);
        b.Property(e => e.Class).HasMaxLength(16);
        // Each event reaches a recipient at most once per channel: the key is the name-based id of (recipient, subject
        // type, subject id, event key, channel) (OutboxId), so the primary key holds it without an index of its own.
        // What the dispatcher takes, by due time. Only waiting rows: in-app rows are written delivered and never enter it.
        b.HasIndex(e => e.NextAttemptAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_notification_outbox_pending_next_attempt_at");
        // A request page's timeline: every notification sent about one subject.
        b.HasIndex(e => new { e.SubjectType, e.SubjectId, e.OccurredAt });
        // The bell: a user's latest in-app notifications; rows of the other channels stay out of it.
        b.HasIndex(e => new { e.Recipient, e.CreatedAt }).HasFilter("channel = 'InApp'").HasDatabaseName("ix_notification_outbox_in_app_recipient_created_at");
    }
}

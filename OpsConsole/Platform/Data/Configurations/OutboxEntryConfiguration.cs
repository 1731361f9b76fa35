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
        // Each event reaches a recipient at most once per channel.
        b.HasIndex(e => new { e.Recipient, e.SubjectType, e.SubjectId, e.EventKey, e.Channel }).IsUnique();
        b.HasIndex(e => new { e.Status, e.NextAttemptAt });
        // A request page's timeline: every notification sent about one subject.
        b.HasIndex(e => new { e.SubjectType, e.SubjectId, e.OccurredAt });
        // The bell: a user's latest in-app notifications.
        b.HasIndex(e => new { e.Channel, e.Recipient, e.CreatedAt });
    }
}

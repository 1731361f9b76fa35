using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Platform.Data.Configurations;

sealed class DeadLetterActionConfiguration : IEntityTypeConfiguration<DeadLetterAction>
{
    public void Configure(EntityTypeBuilder<DeadLetterAction> b)
    {
        b.ToTable("dead_letter_actions");
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.Note).HasMaxLength(RemediationNotes.MaxLength);
        // History goes only with its record (retention purge); it is never edited, see BaselineSql.
        b.HasOne<DeadLetter>().WithMany().HasForeignKey(a => a.DeadLetterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.DeadLetterId, a.Id });
    }
}

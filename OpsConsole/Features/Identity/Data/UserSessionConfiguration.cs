using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Features.Identity.Sessions;

namespace OpsConsole.Features.Identity.Data;

sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("user_sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.ClientAddress).HasMaxLength(SessionStart.MaxAddressLength);
        b.Property(s => s.UserAgent).HasMaxLength(SessionStart.MaxUserAgentLength);
        b.Property(s => s.EndedBy).HasMaxLength(320);
        b.Property(s => s.EndReason).HasMaxLength(64);
        b.Property(s => s.Version).IsRowVersion();
        // A user's sessions still open: what sign-out-others, an account change and the pages read.
        b.HasIndex(s => s.UserId).HasFilter("ended_at IS NULL");
        b.HasOne<OpsUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

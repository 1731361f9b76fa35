using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Platform.Jobs;

namespace OpsConsole.Platform.Data.Configurations;

sealed class JobRunCurrentConfiguration : IEntityTypeConfiguration<JobRunCurrent>
{
    public void Configure(EntityTypeBuilder<JobRunCurrent> b)
    {
        b.ToTable("job_runs_current");
        b.HasKey(r => r.JobKey);
        b.Property(r => r.JobKey).HasMaxLength(200);
        b.Property(r => r.LastOutcome).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.LastError).HasMaxLength(JobRunLog.MaxErrorLength);
        b.Property(r => r.LastInstance).HasMaxLength(200);
    }
}

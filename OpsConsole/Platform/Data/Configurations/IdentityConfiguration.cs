using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Features.Identity;

namespace OpsConsole.Platform.Data.Configurations;

sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("departments");
        b.Property(d => d.Id).HasMaxLength(64);
        b.Property(d => d.Name).HasMaxLength(200);
    }
}

sealed class UserDepartmentConfiguration : IEntityTypeConfiguration<UserDepartment>
{
    public void Configure(EntityTypeBuilder<UserDepartment> b)
    {
        b.ToTable("user_departments");
        b.HasKey(x => new { x.UserId, x.DepartmentId });
        b.HasOne<OpsUser>().WithMany(u => u.Departments).HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class OpsUserConfiguration : IEntityTypeConfiguration<OpsUser>
{
    public void Configure(EntityTypeBuilder<OpsUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals.Data;

sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> b)
    {
        b.ToTable("approval_requests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Title).HasMaxLength(NewApprovalRequestRules.MaxTitleLength);
        b.Property(r => r.Department).HasMaxLength(NewApprovalRequestRules.MaxNameLength);
        b.Property(r => r.RequestedBy).HasMaxLength(NewApprovalRequestRules.MaxNameLength);
        b.Property(r => r.Assignee).HasMaxLength(NewApprovalRequestRules.MaxNameLength);
        b.Property(r => r.DecidedBy).HasMaxLength(NewApprovalRequestRules.MaxNameLength);
        b.Property(r => r.Tenant).HasMaxLength(NewApprovalRequestRules.MaxNameLength);
        b.Property(r => r.Payload).HasColumnType("jsonb")
            .HasConversion(p => ApprovalJson.Write(p), s => ApprovalJson.ReadPayload(s));
        // A snapshot, so that a later settings change does not move the deadlines of requests already open.
        b.Property(r => r.Policy).HasColumnName("sla_policy").HasColumnType("jsonb")
            .HasConversion(p => ApprovalJson.Write(p), s => ApprovalJson.ReadPolicy(s));
        b.Property(r => r.Version).IsRowVersion();
        // The due job reads only what is due; decided requests never enter this index.
        b.HasIndex(r => r.NextDueAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_approval_requests_pending_next_due_at");
        b.HasIndex(r => new { r.Department, r.Status, r.Tier });
        // Few requests are resubmissions: the others write no entry here when they are created or change.
        b.HasIndex(r => r.ResubmissionOf).HasFilter("resubmission_of IS NOT NULL");
        // The inbox's "Awaiting me" per department in due order; the included columns let it count without the table.
        b.HasIndex(r => new { r.Department, r.NextDueAt }).HasFilter("status = 'Pending'")
            .IncludeProperties(r => new { r.Tier, r.RequestedBy, r.Assignee })
            .HasDatabaseName("ix_approval_requests_pending_department_next_due_at");
        // The inbox's "All" in its orders (next step, newest first) and by status; requests assigned to a user are
        // found by BaselineSql's index on lower(assignee), which EF Core cannot declare.
        b.HasIndex(r => new { r.NextDueAt, r.CreatedAt }).IsDescending(false, true);
        b.HasIndex(r => new { r.CreatedAt, r.Id });
        b.HasIndex(r => new { r.Status, r.CreatedAt });
        // Search anywhere in the title or the requester with ILIKE '%…%'.
        b.HasIndex(r => r.Title).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_approval_requests_title_trgm");
        b.HasIndex(r => r.RequestedBy).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_approval_requests_requested_by_trgm");
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Platform.Data.Migrations;

/// <summary>SQL of the ApprovalInboxIndexes migration that EF Core's model cannot express.</summary>
static class ApprovalInboxIndexesSql
{
    public static void ApplyUp(MigrationBuilder migration) => migration.Sql(PendingAssigneeIndex);

    public static void ApplyDown(MigrationBuilder migration) =>
        migration.Sql("DROP INDEX IF EXISTS ix_approval_requests_pending_lower_assignee;");

    /// <summary>"Awaiting me" includes requests assigned to the viewer, compared case-insensitively as the Domain does;
    /// few requests are assigned, so the index is small, and without it that branch of the OR scans the table.</summary>
    public const string PendingAssigneeIndex = """
        CREATE INDEX ix_approval_requests_pending_lower_assignee ON approval_requests (lower(assignee))
            WHERE status = 'Pending' AND assignee IS NOT NULL;
        """;
}

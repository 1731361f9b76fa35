using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApprovalInboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_created_at_id",
                table: "approval_requests",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_next_due_at_created_at",
                table: "approval_requests",
                columns: new[] { "next_due_at", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_pending_department_next_due_at",
                table: "approval_requests",
                columns: new[] { "department", "next_due_at" },
                filter: "status = 'Pending'")
                .Annotation("Npgsql:IndexInclude", new[] { "tier", "requested_by", "assignee" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_requested_by_trgm",
                table: "approval_requests",
                column: "requested_by")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_status_created_at",
                table: "approval_requests",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_title_trgm",
                table: "approval_requests",
                column: "title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            ApprovalInboxIndexesSql.ApplyUp(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ApprovalInboxIndexesSql.ApplyDown(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "ix_approval_requests_created_at_id",
                table: "approval_requests");

            migrationBuilder.DropIndex(
                name: "ix_approval_requests_next_due_at_created_at",
                table: "approval_requests");

            migrationBuilder.DropIndex(
                name: "ix_approval_requests_pending_department_next_due_at",
                table: "approval_requests");

            migrationBuilder.DropIndex(
                name: "ix_approval_requests_requested_by_trgm",
                table: "approval_requests");

            migrationBuilder.DropIndex(
                name: "ix_approval_requests_status_created_at",
                table: "approval_requests");

            migrationBuilder.DropIndex(
                name: "ix_approval_requests_title_trgm",
                table: "approval_requests");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}

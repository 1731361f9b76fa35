using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartialResubmissionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_approval_requests_resubmission_of",
                table: "approval_requests");

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_resubmission_of",
                table: "approval_requests",
                column: "resubmission_of",
                filter: "resubmission_of IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_approval_requests_resubmission_of",
                table: "approval_requests");

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_resubmission_of",
                table: "approval_requests",
                column: "resubmission_of");
        }
    }
}

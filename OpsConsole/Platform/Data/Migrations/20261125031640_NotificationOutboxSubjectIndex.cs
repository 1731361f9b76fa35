using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotificationOutboxSubjectIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_subject_type_subject_id_occurred_at",
                table: "notification_outbox",
                columns: new[] { "subject_type", "subject_id", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notification_outbox_subject_type_subject_id_occurred_at",
                table: "notification_outbox");
        }
    }
}

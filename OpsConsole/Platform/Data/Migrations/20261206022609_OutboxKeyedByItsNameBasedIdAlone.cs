using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <summary>
    /// The unique index on (recipient, subject type, subject id, event key, channel) repeated the primary key, which is the
    /// name-based id of those same fields; it cost about a third of an SLA batch's outbox insert. The bell's index keeps
    /// only in-app rows, the only ones the bell reads.
    /// </summary>
    public partial class OutboxKeyedByItsNameBasedIdAlone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notification_outbox_channel_recipient_created_at",
                table: "notification_outbox");

            migrationBuilder.DropIndex(
                name: "ix_notification_outbox_recipient_subject_type_subject_id_event",
                table: "notification_outbox");

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_in_app_recipient_created_at",
                table: "notification_outbox",
                columns: new[] { "recipient", "created_at" },
                filter: "channel = 'InApp'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notification_outbox_in_app_recipient_created_at",
                table: "notification_outbox");

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_channel_recipient_created_at",
                table: "notification_outbox",
                columns: new[] { "channel", "recipient", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_recipient_subject_type_subject_id_event",
                table: "notification_outbox",
                columns: new[] { "recipient", "subject_type", "subject_id", "event_key", "channel" },
                unique: true);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <summary>
    /// Alerts: ops_alerts, the append-only events of each raise and clear (the database refuses UPDATE, DELETE and TRUNCATE);
    /// ops_alerts_current, the snapshot of the alerts raised now; silences; each rule's last evaluation; and the evaluator's
    /// one state row (paused or not).
    /// </summary>
    public partial class AlertEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_evaluator_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    paused = table.Column<bool>(type: "boolean", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_evaluator_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alert_rule_runs",
                columns: table => new
                {
                    alert_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    last_evaluated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_rule_runs", x => x.alert_code);
                });

            migrationBuilder.CreateTable(
                name: "alert_silences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    alert_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    scope_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_silences", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ops_alerts",
                columns: table => new
                {
                    alert_event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    alert_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    service_scope = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    scope_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    pair = table.Column<string>(type: "character varying(33)", maxLength: 33, nullable: true),
                    asset_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    tx_hash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cleared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    clear_cause = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    raised_event_id = table.Column<Guid>(type: "uuid", nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: false),
                    correlation_ids = table.Column<string[]>(type: "text[]", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ops_alerts", x => x.alert_event_id);
                });

            migrationBuilder.CreateTable(
                name: "ops_alerts_current",
                columns: table => new
                {
                    alert_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    scope_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    alert_event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    service_scope = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    pair = table.Column<string>(type: "character varying(33)", maxLength: 33, nullable: true),
                    asset_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    tx_hash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    details = table.Column<string>(type: "jsonb", nullable: false),
                    correlation_ids = table.Column<string[]>(type: "text[]", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    acknowledgement_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    last_notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notify_count = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ops_alerts_current", x => new { x.alert_code, x.scope_key });
                });

            migrationBuilder.InsertData(
                table: "alert_evaluator_state",
                columns: new[] { "id", "changed_at", "changed_by", "paused" },
                values: new object[] { 1, null, null, false });

            migrationBuilder.CreateIndex(
                name: "ix_alert_silences_ends_at",
                table: "alert_silences",
                column: "ends_at");

            migrationBuilder.CreateIndex(
                name: "ix_ops_alerts_alert_code_scope_key_occurred_at",
                table: "ops_alerts",
                columns: new[] { "alert_code", "scope_key", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ops_alerts_occurred_at_alert_event_id",
                table: "ops_alerts",
                columns: new[] { "occurred_at", "alert_event_id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_ops_alerts_raised_event_id",
                table: "ops_alerts",
                column: "raised_event_id");

            migrationBuilder.CreateIndex(
                name: "ix_ops_alerts_current_alert_event_id",
                table: "ops_alerts_current",
                column: "alert_event_id",
                unique: true);

            migrationBuilder.Sql(AppendOnly);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS ops_alerts_refuse_change() CASCADE;");
            migrationBuilder.DropTable(
                name: "alert_evaluator_state");

            migrationBuilder.DropTable(
                name: "alert_rule_runs");

            migrationBuilder.DropTable(
                name: "alert_silences");

            migrationBuilder.DropTable(
                name: "ops_alerts");

            migrationBuilder.DropTable(
                name: "ops_alerts_current");
        }

        const string AppendOnly = """
            CREATE FUNCTION ops_alerts_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'ops_alerts is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER ops_alerts_append_only BEFORE UPDATE OR DELETE ON ops_alerts
                FOR EACH ROW EXECUTE FUNCTION ops_alerts_refuse_change();
            CREATE TRIGGER ops_alerts_no_truncate BEFORE TRUNCATE ON ops_alerts
                FOR EACH STATEMENT EXECUTE FUNCTION ops_alerts_refuse_change();
            """;
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class AcceptedPackEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pack_events",
                columns: table => new
                {
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    tenant = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    event_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    run_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    item = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    protected_resume_token = table.Column<string>(type: "text", nullable: true),
                    key_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    outcome_reason = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pack_events", x => x.seq);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pack_events_received_at",
                table: "pack_events",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_pack_events_waiting",
                table: "pack_events",
                column: "seq",
                filter: "applied_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pack_events_waiting_item",
                table: "pack_events",
                columns: new[] { "tenant", "run_id", "item", "seq" },
                filter: "applied_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_pack_events_hold",
                table: "pack_events",
                columns: new[] { "tenant", "event_id" },
                unique: true,
                filter: "kind = 'hold'");

            migrationBuilder.CreateIndex(
                name: "ux_pack_events_revision",
                table: "pack_events",
                columns: new[] { "tenant", "run_id", "item", "revision" },
                unique: true,
                filter: "kind <> 'hold'");

            // What was accepted before events were kept: each approval's standing revision (and a first revision under it,
            // so that a PackApprovalRequested sent again is judged against the approval), and each hold, all applied.
            migrationBuilder.Sql("""
                INSERT INTO pack_events (tenant, event_id, kind, run_id, item, revision, fingerprint, request_id, body,
                    protected_resume_token, key_id, correlation_id, received_at, applied_at, outcome)
                SELECT tenant, last_event_id, CASE WHEN revision = 1 THEN 'requested' ELSE 'updated' END, run_id, approval_id,
                    revision, fingerprint, request_id, '{}', protected_resume_token, key_id, correlation_id, updated_at, updated_at, 'applied'
                FROM pack_approvals;
                INSERT INTO pack_events (tenant, event_id, kind, run_id, item, revision, fingerprint, request_id, body,
                    protected_resume_token, key_id, correlation_id, received_at, applied_at, outcome)
                SELECT tenant, last_event_id, 'requested', run_id, approval_id, 1, fingerprint, request_id, '{}',
                    protected_resume_token, key_id, correlation_id, created_at, created_at, 'applied'
                FROM pack_approvals WHERE revision > 1;
                INSERT INTO pack_events (tenant, event_id, kind, run_id, item, revision, body, key_id, correlation_id,
                    received_at, applied_at, outcome)
                SELECT tenant, event_id, 'hold', run_id, gate, 0, '{}', key_id, correlation_id, received_at, received_at, 'applied'
                FROM pack_policy_holds;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pack_events");
        }
    }
}

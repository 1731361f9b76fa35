using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class PackApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pack_approvals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    run_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    approval_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    key_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    plan_hash = table.Column<string>(type: "character varying(71)", maxLength: 71, nullable: false),
                    required_grants = table.Column<List<string>>(type: "text[]", nullable: false),
                    step_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    message_template = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    message_locale = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    message_values = table.Column<string>(type: "jsonb", nullable: false),
                    resume_callback_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    protected_resume_token = table.Column<string>(type: "text", nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    last_event_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    decision_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decision_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pack_approvals", x => x.id);
                    table.ForeignKey(
                        name: "fk_pack_approvals_approval_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "approval_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pack_policy_holds",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    run_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    gate = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    event_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    key_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    parameters = table.Column<string>(type: "jsonb", nullable: false),
                    messages = table.Column<List<string>>(type: "text[]", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pack_policy_holds", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pack_approvals_approval_id",
                table: "pack_approvals",
                column: "approval_id");

            migrationBuilder.CreateIndex(
                name: "ix_pack_approvals_request_id",
                table: "pack_approvals",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pack_approvals_run_id",
                table: "pack_approvals",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_pack_approvals_tenant_run_id_approval_id",
                table: "pack_approvals",
                columns: new[] { "tenant", "run_id", "approval_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pack_approvals_updated_at",
                table: "pack_approvals",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_pack_policy_holds_received_at",
                table: "pack_policy_holds",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_pack_policy_holds_tenant_event_id",
                table: "pack_policy_holds",
                columns: new[] { "tenant", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pack_policy_holds_tenant_run_id_gate_occurred_at",
                table: "pack_policy_holds",
                columns: new[] { "tenant", "run_id", "gate", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pack_approvals");

            migrationBuilder.DropTable(
                name: "pack_policy_holds");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class StellarSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stellar_submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source_account = table.Column<string>(type: "character varying(56)", maxLength: 56, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    envelope_xdr = table.Column<string>(type: "text", nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    max_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    built_at_ledger = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ledger = table.Column<long>(type: "bigint", nullable: true),
                    ledger_closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    result_codes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reason = table.Column<string>(type: "text", nullable: true),
                    rebuild_of = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stellar_submissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_stellar_submissions_approval_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "approval_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stellar_submission_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    answer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ledger = table.Column<long>(type: "bigint", nullable: true),
                    detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stellar_submission_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_stellar_submission_attempts_stellar_submissions_submission_",
                        column: x => x.submission_id,
                        principalTable: "stellar_submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_stellar_submission_attempts_submission_id_id",
                table: "stellar_submission_attempts",
                columns: new[] { "submission_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_stellar_submissions_hash",
                table: "stellar_submissions",
                column: "hash");

            migrationBuilder.CreateIndex(
                name: "ix_stellar_submissions_open",
                table: "stellar_submissions",
                column: "created_at",
                filter: "status IN ('Built', 'Pending')");

            migrationBuilder.CreateIndex(
                name: "ix_stellar_submissions_rebuild_of",
                table: "stellar_submissions",
                column: "rebuild_of",
                unique: true,
                filter: "rebuild_of IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_stellar_submissions_request_first",
                table: "stellar_submissions",
                column: "request_id",
                unique: true,
                filter: "rebuild_of IS NULL");

            // The attempt log is what an operator reads to know what was sent and answered: appended, never edited.
            migrationBuilder.Sql("""
                CREATE FUNCTION stellar_submission_attempts_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'stellar_submission_attempts is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER stellar_submission_attempts_append_only BEFORE UPDATE OR DELETE ON stellar_submission_attempts
                    FOR EACH ROW EXECUTE FUNCTION stellar_submission_attempts_refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stellar_submission_attempts");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS stellar_submission_attempts_refuse_change();");

            migrationBuilder.DropTable(
                name: "stellar_submissions");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class FundingObservations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "funding_observations",
                columns: table => new
                {
                    funding_observation_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    account_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    asset_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    chain = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    funding_handle = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    tx_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    confirmations = table.Column<int>(type: "integer", nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    credited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    bridge_deposit_tx_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    ingested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funding_observations", x => x.funding_observation_id);
                });

            migrationBuilder.CreateTable(
                name: "funding_observations_current",
                columns: table => new
                {
                    funding_handle = table.Column<Guid>(type: "uuid", nullable: false),
                    tx_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    account_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    asset_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    chain = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    confirmations = table.Column<int>(type: "integer", nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    credited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    bridge_deposit_tx_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    observed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funding_observations_current", x => new { x.funding_handle, x.tx_hash });
                });

            migrationBuilder.CreateTable(
                name: "funding_observer_health",
                columns: table => new
                {
                    funding_handle = table.Column<Guid>(type: "uuid", nullable: false),
                    last_good_poll_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funding_observer_health", x => x.funding_handle);
                });

            migrationBuilder.CreateTable(
                name: "funding_observer_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    paused = table.Column<bool>(type: "boolean", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    refreshed_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funding_observer_state", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "funding_observer_state",
                columns: new[] { "id", "changed_at", "changed_by", "paused", "refreshed_at", "refreshed_by" },
                values: new object[] { 1, null, null, false, null, null });

            migrationBuilder.CreateIndex(
                name: "ix_funding_observations_funding_handle",
                table: "funding_observations",
                column: "funding_handle");

            migrationBuilder.CreateIndex(
                name: "ix_funding_observations_ingested_at",
                table: "funding_observations",
                column: "ingested_at");

            migrationBuilder.CreateIndex(
                name: "ix_funding_observations_tx_hash",
                table: "funding_observations",
                column: "tx_hash");

            migrationBuilder.CreateIndex(
                name: "ix_funding_observations_current_asset_id_status",
                table: "funding_observations_current",
                columns: new[] { "asset_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_funding_observations_current_tx_hash",
                table: "funding_observations_current",
                column: "tx_hash");

            migrationBuilder.Sql(AppendOnly);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS funding_observations_refuse_change() CASCADE;");
            migrationBuilder.DropTable(
                name: "funding_observations");

            migrationBuilder.DropTable(
                name: "funding_observations_current");

            migrationBuilder.DropTable(
                name: "funding_observer_health");

            migrationBuilder.DropTable(
                name: "funding_observer_state");
        }

        // Observations are a history: each change is a new row, none is ever rewritten or removed.
        const string AppendOnly = """
            CREATE FUNCTION funding_observations_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'funding_observations is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER funding_observations_append_only BEFORE UPDATE OR DELETE ON funding_observations
                FOR EACH ROW EXECUTE FUNCTION funding_observations_refuse_change();
            CREATE TRIGGER funding_observations_no_truncate BEFORE TRUNCATE ON funding_observations
                FOR EACH STATEMENT EXECUTE FUNCTION funding_observations_refuse_change();
            """;
    }
}

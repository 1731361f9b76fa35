using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <summary>
    /// The tables of the signed ingest feeds (prices, inventory, liquidity actions, trade results): each append-only, with a
    /// unique index on the record's source id so a repeat is stored once, and a *_current table of the newest per scope for
    /// the alert rules. The database refuses an UPDATE of a stored record.
    /// </summary>
    public partial class IngestFeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "executor_pairs_current",
                columns: table => new
                {
                    pair = table.Column<string>(type: "character varying(33)", maxLength: 33, nullable: false),
                    last_failed_trade_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    last_failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_failed_received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_failure_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    last_filled_trade_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    last_filled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_executor_pairs_current", x => x.pair);
                });

            migrationBuilder.CreateTable(
                name: "inventory_current",
                columns: table => new
                {
                    account = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    asset = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    spendable = table.Column<decimal>(type: "numeric", nullable: false),
                    pending_inbound = table.Column<decimal>(type: "numeric", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_current", x => new { x.account, x.asset });
                });

            migrationBuilder.CreateTable(
                name: "inventory_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    account = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    asset = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    spendable = table.Column<decimal>(type: "numeric", nullable: false),
                    pending_inbound = table.Column<decimal>(type: "numeric", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    key_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_snapshots", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "liquidity_actions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    action_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    kind = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    asset = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    key_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_liquidity_actions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "liquidity_actions_current",
                columns: table => new
                {
                    action_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    kind = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    asset = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    first_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_liquidity_actions_current", x => x.action_id);
                });

            migrationBuilder.CreateTable(
                name: "market_prices",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    pair = table.Column<string>(type: "character varying(33)", maxLength: 33, nullable: false),
                    price = table.Column<decimal>(type: "numeric", nullable: false),
                    source = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    observed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    key_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_prices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "market_prices_current",
                columns: table => new
                {
                    pair = table.Column<string>(type: "character varying(33)", maxLength: 33, nullable: false),
                    source = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    price = table.Column<decimal>(type: "numeric", nullable: false),
                    observed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_prices_current", x => x.pair);
                });

            migrationBuilder.CreateTable(
                name: "trade_results",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    trade_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    pair = table.Column<string>(type: "character varying(33)", maxLength: 33, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    key_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trade_results", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_snapshots_account_asset_as_of",
                table: "inventory_snapshots",
                columns: new[] { "account", "asset", "as_of" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_liquidity_actions_action_id_status_at",
                table: "liquidity_actions",
                columns: new[] { "action_id", "status", "at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_liquidity_actions_current_open_first_at",
                table: "liquidity_actions_current",
                column: "first_at",
                filter: "status NOT IN ('settled', 'failed', 'cancelled')");

            migrationBuilder.CreateIndex(
                name: "ix_market_prices_pair_source_observed_at",
                table: "market_prices",
                columns: new[] { "pair", "source", "observed_at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_trade_results_trade_id_status",
                table: "trade_results",
                columns: new[] { "trade_id", "status" },
                unique: true);

            migrationBuilder.Sql(AppendOnly);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS ingested_records_refuse_update() CASCADE;");
            migrationBuilder.DropTable(
                name: "executor_pairs_current");

            migrationBuilder.DropTable(
                name: "inventory_current");

            migrationBuilder.DropTable(
                name: "inventory_snapshots");

            migrationBuilder.DropTable(
                name: "liquidity_actions");

            migrationBuilder.DropTable(
                name: "liquidity_actions_current");

            migrationBuilder.DropTable(
                name: "market_prices");

            migrationBuilder.DropTable(
                name: "market_prices_current");

            migrationBuilder.DropTable(
                name: "trade_results");
        }

        const string AppendOnly = """
            CREATE FUNCTION ingested_records_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: UPDATE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER market_prices_append_only BEFORE UPDATE ON market_prices
                FOR EACH ROW EXECUTE FUNCTION ingested_records_refuse_update();
            CREATE TRIGGER inventory_snapshots_append_only BEFORE UPDATE ON inventory_snapshots
                FOR EACH ROW EXECUTE FUNCTION ingested_records_refuse_update();
            CREATE TRIGGER liquidity_actions_append_only BEFORE UPDATE ON liquidity_actions
                FOR EACH ROW EXECUTE FUNCTION ingested_records_refuse_update();
            CREATE TRIGGER trade_results_append_only BEFORE UPDATE ON trade_results
                FOR EACH ROW EXECUTE FUNCTION ingested_records_refuse_update();
            """;
    }
}

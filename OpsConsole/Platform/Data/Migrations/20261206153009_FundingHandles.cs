using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class FundingHandles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bridge_deposits",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    asset = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    deposit_tx_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    credited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    account = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    key_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bridge_deposits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "funding_handles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chain = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    asset = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    account = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    deposit_address = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funding_handles", x => x.id);
                    table.CheckConstraint("ck_funding_handles_chain_asset", "(chain = 'bitcoin' AND asset = 'BTC') OR (chain = 'gnosis' AND asset = 'EURe')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_bridge_deposits_account_asset_credited_at",
                table: "bridge_deposits",
                columns: new[] { "account", "asset", "credited_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bridge_deposits_deposit_tx_hash",
                table: "bridge_deposits",
                column: "deposit_tx_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_funding_handles_chain_deposit_address",
                table: "funding_handles",
                columns: new[] { "chain", "deposit_address" },
                unique: true);

            // Credited deposits are facts: inserted once, never rewritten (the ingest feeds' trigger function).
            migrationBuilder.Sql("""
                CREATE TRIGGER bridge_deposits_append_only BEFORE UPDATE ON bridge_deposits
                    FOR EACH ROW EXECUTE FUNCTION ingested_records_refuse_update();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bridge_deposits");

            migrationBuilder.DropTable(
                name: "funding_handles");
        }
    }
}

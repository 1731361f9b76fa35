using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class PackRouting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pack_routing_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    tenant = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    required_grants = table.Column<List<string>>(type: "text[]", nullable: false),
                    roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    departments = table.Column<List<string>>(type: "text[]", nullable: false),
                    channels = table.Column<string[]>(type: "text[]", nullable: false),
                    locale = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pack_routing_rules", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pack_routing_rules_event_kind_enabled",
                table: "pack_routing_rules",
                columns: new[] { "event_kind", "enabled" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pack_routing_rules");
        }
    }
}

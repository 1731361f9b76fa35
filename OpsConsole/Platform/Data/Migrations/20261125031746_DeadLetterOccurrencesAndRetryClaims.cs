using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeadLetterOccurrencesAndRetryClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dead_letters_status_fingerprint",
                table: "dead_letters");

            migrationBuilder.AddColumn<int>(
                name: "occurrences",
                table: "dead_letters",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<Guid>(
                name: "retry_claim_id",
                table: "dead_letters",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retry_claimed_at",
                table: "dead_letters",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_status_fingerprint",
                table: "dead_letters",
                columns: new[] { "status", "fingerprint" })
                .Annotation("Npgsql:IndexInclude", new[] { "first_failed_at", "last_failed_at", "occurrences" });

            DeadLetterOccurrencesAndRetryClaimsSql.ApplyUp(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DeadLetterOccurrencesAndRetryClaimsSql.ApplyDown(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "ix_dead_letters_status_fingerprint",
                table: "dead_letters");

            migrationBuilder.DropColumn(
                name: "occurrences",
                table: "dead_letters");

            migrationBuilder.DropColumn(
                name: "retry_claim_id",
                table: "dead_letters");

            migrationBuilder.DropColumn(
                name: "retry_claimed_at",
                table: "dead_letters");

            migrationBuilder.CreateIndex(
                name: "ix_dead_letters_status_fingerprint",
                table: "dead_letters",
                columns: new[] { "status", "fingerprint" })
                .Annotation("Npgsql:IndexInclude", new[] { "first_failed_at", "last_failed_at" });
        }
    }
}

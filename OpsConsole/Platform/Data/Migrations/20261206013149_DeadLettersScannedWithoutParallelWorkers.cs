using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <summary>
    /// Dead-letter queries read small index entries (the grouped counts of any status read all of them); starting
    /// parallel workers for such a scan costs more than it saves on the machines the console runs on. Figures at 100,000
    /// records are in bench/RESULTS.md.
    /// </summary>
    public partial class DeadLettersScannedWithoutParallelWorkers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("ALTER TABLE dead_letters SET (parallel_workers = 0);");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("ALTER TABLE dead_letters RESET (parallel_workers);");
    }
}

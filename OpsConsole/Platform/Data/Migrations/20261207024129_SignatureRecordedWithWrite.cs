using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Platform.Data.Migrations
{
    /// <summary>
    /// record_machine_signature: records a request's signature and raises OPS01 when it was recorded before, so an endpoint
    /// can record it first in the batch of its own write and have a replay roll the whole write back (MachineReplayGuard.AddTo).
    /// </summary>
    public partial class SignatureRecordedWithWrite : Migration
    {
        const string RecordFunction = """
            CREATE FUNCTION record_machine_signature(p_signature text, p_key_id text, p_seen_at timestamptz) RETURNS void
            LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO machine_request_signatures (signature, key_id, seen_at)
                VALUES (p_signature, p_key_id, p_seen_at)
                ON CONFLICT DO NOTHING;
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'machine request signature already used' USING ERRCODE = 'OPS01';
                END IF;
            END
            $$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(RecordFunction);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS record_machine_signature(text, text, timestamptz);");
    }
}

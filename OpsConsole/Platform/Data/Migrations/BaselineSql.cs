using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Platform.Data.Migrations;

/// <summary>
/// SQL of the Baseline migration that EF Core's model cannot express: the append-only triggers, Quartz's job-store
/// tables and the partial indexes. Runs after the tables it names exist. Carried over from the pre-release migrations
/// the baseline replaces (Foundation, DeadLetterOccurrencesAndRetryClaims, ApprovalInboxIndexes).
/// </summary>
static class BaselineSql
{
    public const string OpenWorkIndex = "ux_dead_letters_open_work";

    public static void ApplyUp(MigrationBuilder migration)
    {
        migration.Sql(AuditAppendOnly);
        migration.Sql(QuartzTables);
        migration.Sql(DeadLetterActionsNoUpdate);
        migration.Sql(CreateOpenWorkIndex);
        migration.Sql(PendingAssigneeIndex);
    }

    public static void ApplyDown(MigrationBuilder migration)
    {
        migration.Sql("DROP INDEX IF EXISTS ix_approval_requests_pending_lower_assignee;");
        migration.Sql($"DROP INDEX IF EXISTS {OpenWorkIndex};");
        migration.Sql(DropQuartzTables);
        migration.Sql("DROP FUNCTION IF EXISTS audit_events_refuse_change() CASCADE;");
        migration.Sql("DROP FUNCTION IF EXISTS dead_letter_actions_refuse_update() CASCADE;");
    }

    /// <summary>The audit trail is append-only: any UPDATE, DELETE or TRUNCATE is refused by the database itself.</summary>
    public const string AuditAppendOnly = """
        CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
        CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
            FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
        """;

    /// <summary>Remediation history is never edited; rows leave only with their record when retention purges it.</summary>
    public const string DeadLetterActionsNoUpdate = """
        CREATE FUNCTION dead_letter_actions_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'dead_letter_actions is never edited: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE TRIGGER dead_letter_actions_no_update BEFORE UPDATE ON dead_letter_actions
            FOR EACH ROW EXECUTE FUNCTION dead_letter_actions_refuse_update();
        """;

    /// <summary>
    /// The tables of Quartz.NET 4.7's ADO.NET job store for PostgreSQL (its published create_postgres.sql without the
    /// optional execution-history tables), lower-case with the qrtz_ prefix; the store validates them at start.
    /// </summary>
    public const string QuartzTables = """
        CREATE TABLE qrtz_job_details (
            sched_name text NOT NULL, job_name text NOT NULL, job_group text NOT NULL, description text NULL,
            job_class_name text NOT NULL, is_durable bool NOT NULL, is_nonconcurrent bool NOT NULL,
            is_update_data bool NOT NULL, requests_recovery bool NOT NULL, job_data bytea NULL,
            PRIMARY KEY (sched_name, job_name, job_group));
        CREATE TABLE qrtz_triggers (
            sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
            job_name text NOT NULL, job_group text NOT NULL, description text NULL,
            next_fire_time bigint NULL, prev_fire_time bigint NULL, priority integer NULL,
            trigger_state text NOT NULL, trigger_type text NOT NULL, start_time bigint NOT NULL, end_time bigint NULL,
            calendar_name text NULL, misfire_instr smallint NULL, misfire_orig_fire_time bigint NULL,
            execution_group varchar(200) NULL, preferred_node varchar(200) NULL,
            preferred_node_auto bool NOT NULL DEFAULT false, retry_policy varchar(250) NULL, retry_attempt integer NULL,
            continues_trigger_name text NULL, continues_trigger_group text NULL, continuation_condition integer NULL,
            overlap_policy integer NULL, pause_reason varchar(250) NULL, paused_by varchar(200) NULL, paused_at bigint NULL,
            misfire_threshold bigint NULL, fixed_delay bool NULL, job_data bytea NULL,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group));
        CREATE TABLE qrtz_simple_triggers (
            sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
            repeat_count bigint NOT NULL, repeat_interval bigint NOT NULL, times_triggered bigint NOT NULL,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
        CREATE TABLE qrtz_cron_triggers (
            sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
            cron_expression text NOT NULL, time_zone_id text,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
        CREATE TABLE qrtz_simprop_triggers (
            sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
            str_prop_1 text NULL, str_prop_2 text NULL, str_prop_3 text NULL,
            int_prop_1 integer NULL, int_prop_2 integer NULL, long_prop_1 bigint NULL, long_prop_2 bigint NULL,
            dec_prop_1 numeric NULL, dec_prop_2 numeric NULL, bool_prop_1 bool NULL, bool_prop_2 bool NULL,
            time_zone_id text NULL,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
        CREATE TABLE qrtz_blob_triggers (
            sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL, blob_data bytea NULL,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
        CREATE TABLE qrtz_calendars (
            sched_name text NOT NULL, calendar_name text NOT NULL, calendar bytea NOT NULL,
            PRIMARY KEY (sched_name, calendar_name));
        CREATE TABLE qrtz_paused_trigger_grps (
            sched_name text NOT NULL, trigger_group text NOT NULL,
            pause_reason varchar(250) NULL, paused_by varchar(200) NULL, paused_at bigint NULL,
            PRIMARY KEY (sched_name, trigger_group));
        CREATE TABLE qrtz_paused_job_grps (
            sched_name text NOT NULL, job_group text NOT NULL,
            pause_reason varchar(250) NULL, paused_by varchar(200) NULL, paused_at bigint NULL,
            PRIMARY KEY (sched_name, job_group));
        CREATE TABLE qrtz_fired_triggers (
            sched_name text NOT NULL, entry_id text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
            instance_name text NOT NULL, fired_time bigint NOT NULL, sched_time bigint NOT NULL, priority integer NOT NULL,
            state text NOT NULL, job_name text NULL, job_group text NULL, is_nonconcurrent bool NOT NULL,
            requests_recovery bool NULL, execution_group varchar(200) NULL,
            progress integer NULL, progress_message varchar(250) NULL, interrupt_requested_time bigint NULL,
            PRIMARY KEY (sched_name, entry_id));
        CREATE TABLE qrtz_scheduler_state (
            sched_name text NOT NULL, instance_name text NOT NULL, last_checkin_time bigint NOT NULL, checkin_interval bigint NOT NULL,
            quartz_version varchar(20) NULL,
            PRIMARY KEY (sched_name, instance_name));
        CREATE TABLE qrtz_locks (
            sched_name text NOT NULL, lock_name text NOT NULL,
            PRIMARY KEY (sched_name, lock_name));
        CREATE INDEX idx_qrtz_j_g_n ON qrtz_job_details (sched_name, job_group, job_name);
        CREATE INDEX idx_qrtz_t_j ON qrtz_triggers (sched_name, job_name, job_group);
        CREATE INDEX idx_qrtz_t_g_n ON qrtz_triggers (sched_name, trigger_group, trigger_name);
        CREATE INDEX idx_qrtz_t_c ON qrtz_triggers (sched_name, calendar_name);
        CREATE INDEX idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time ASC, priority DESC, misfire_instr);
        CREATE INDEX idx_qrtz_ft_inst_job_req_rcvry ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
        CREATE INDEX idx_qrtz_ft_j_g ON qrtz_fired_triggers (sched_name, job_name, job_group);
        CREATE INDEX idx_qrtz_ft_t_g ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
        """;

    public const string DropQuartzTables = """
        DROP TABLE IF EXISTS qrtz_fired_triggers, qrtz_paused_trigger_grps, qrtz_paused_job_grps, qrtz_scheduler_state, qrtz_locks,
            qrtz_simprop_triggers, qrtz_simple_triggers, qrtz_cron_triggers, qrtz_blob_triggers, qrtz_triggers,
            qrtz_job_details, qrtz_calendars;
        """;

    /// <summary>One open record per (aggregate_type, aggregate_id, operation): DeadLetterWriter's ON CONFLICT relies on
    /// this index, so its predicate must match the writer's.</summary>
    public const string CreateOpenWorkIndex = $"""
        CREATE UNIQUE INDEX {OpenWorkIndex} ON dead_letters (aggregate_type, aggregate_id, operation)
            WHERE status IN ('Unresolved', 'Retrying');
        """;

    /// <summary>"Awaiting me" includes requests assigned to the viewer, compared case-insensitively as the Domain does;
    /// few requests are assigned, so the index is small, and without it that branch of the OR scans the table.</summary>
    public const string PendingAssigneeIndex = """
        CREATE INDEX ix_approval_requests_pending_lower_assignee ON approval_requests (lower(assignee))
            WHERE status = 'Pending' AND assignee IS NOT NULL;
        """;
}

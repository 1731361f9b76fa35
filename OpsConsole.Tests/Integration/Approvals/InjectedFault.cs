using Npgsql;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>A fault put into the test database that makes one request fail its SLA steps; disposing it takes it out again.</summary>
public sealed class InjectedFault : IAsyncDisposable
{
    public const int TitleLimit = 120;
    /// <summary>Longer than <see cref="TitleLimit"/>: a request created with it violates the tightened constraint.</summary>
    public static readonly string LegacyTitle = "Mint for desk, carried over from the old console: " + new string('x', 100);

    readonly string connectionString;
    readonly string undo;

    InjectedFault(string connectionString, string undo) => (this.connectionString, this.undo) = (connectionString, undo);

    /// <summary>A title limit added later without validating old rows (NOT VALID), as a schema tightening is rolled out:
    /// an older request with a longer title then refuses every update of its row.</summary>
    public static Task<InjectedFault> TightenedTitleLimitAsync(string connectionString) => ApplyAsync(connectionString,
        $"ALTER TABLE approval_requests ADD CONSTRAINT ck_approval_requests_title_limit CHECK (char_length(title) <= {TitleLimit}) NOT VALID",
        "ALTER TABLE approval_requests DROP CONSTRAINT IF EXISTS ck_approval_requests_title_limit");

    /// <summary>A trigger that refuses every outbox row about one request, as a notification that cannot be stored would.</summary>
    public static Task<InjectedFault> OutboxRefusingAsync(string connectionString, Guid subject) => ApplyAsync(connectionString, $"""
        CREATE FUNCTION refuse_outbox_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'notification for % cannot be stored', NEW.subject_id; END $$;
        CREATE TRIGGER refuse_outbox_row BEFORE INSERT ON notification_outbox
            FOR EACH ROW WHEN (NEW.subject_id = '{subject}') EXECUTE FUNCTION refuse_outbox_row();
        """,
        "DROP TRIGGER IF EXISTS refuse_outbox_row ON notification_outbox; DROP FUNCTION IF EXISTS refuse_outbox_row()");

    /// <summary>A trigger that refuses every row of <paramref name="table"/> whose <paramref name="column"/> is
    /// <paramref name="value"/>, as a row that cannot be stored would: an error no retry gets past.</summary>
    public static Task<InjectedFault> RowsRefusingAsync(string connectionString, string table, string column, Guid value) => ApplyAsync(connectionString, $"""
        CREATE FUNCTION refuse_{table}_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '{table} row for % cannot be stored', NEW.{column}; END $$;
        CREATE TRIGGER refuse_{table}_row BEFORE INSERT ON {table}
            FOR EACH ROW WHEN (NEW.{column} = '{value}') EXECUTE FUNCTION refuse_{table}_row();
        """,
        $"DROP TRIGGER IF EXISTS refuse_{table}_row ON {table}; DROP FUNCTION IF EXISTS refuse_{table}_row()");

    public async ValueTask DisposeAsync() => await ExecuteAsync(connectionString, undo);

    static async Task<InjectedFault> ApplyAsync(string connectionString, string sql, string undo)
    {
        await ExecuteAsync(connectionString, sql);
        return new InjectedFault(connectionString, undo);
    }

    static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using OpsConsole.Platform.Data;

/// <summary>
/// What the server side spent over the timed part of a run, per accepted request: the console's CPU, PostgreSQL's (its
/// server processes), the commits and the rows each table took (pg_stat_database, pg_stat_user_tables), and what the
/// console's collector and compiler took (<see cref="ConsoleRuntime"/>). The console's background work in the window,
/// such as delivering the notices the requests queued, counts too. With OPS_BENCH_PROFILE=1 also each kind of statement
/// PostgreSQL ran, from its log with log_min_duration_statement = 0 for the window: that logging slows the run, so a
/// profiled run's latencies are not the benchmark's.
/// </summary>
sealed partial class ServerCost(BenchConsole console, EmbeddedPostgres pg, string cs)
{
    /// <summary>A backend reports its counters within about a second of its transaction.</summary>
    static readonly TimeSpan StatsDelay = TimeSpan.FromSeconds(2);

    static bool Profiled => Environment.GetEnvironmentVariable("OPS_BENCH_PROFILE") == "1";

    Dictionary<string, long[]> before = [];
    TimeSpan consoleCpu, postgresCpu;
    ConsoleRuntime runtime = new(0, 0, 0, 0, 0, 0);
    long logFrom;

    string LogPath => Path.Combine(pg.DataDirectory, "cluster", "server.log");

    public async Task StartAsync()
    {
        await Task.Delay(StatsDelay);
        before = await CountersAsync();
        logFrom = new FileInfo(LogPath).Length;
        if (Profiled)
            await ExecuteAsync("ALTER SYSTEM SET log_min_duration_statement = 0", "SELECT pg_reload_conf()");
        runtime = await console.RuntimeAsync();
        (consoleCpu, postgresCpu) = (console.Cpu, PostgresCpu());
    }

    public async Task<string> FinishAsync(int accepted)
    {
        var (consoleSpent, postgresSpent) = (console.Cpu - consoleCpu, PostgresCpu() - postgresCpu);
        var runtimeSpent = await console.RuntimeAsync() - runtime;
        if (Profiled)
            await ExecuteAsync("ALTER SYSTEM RESET log_min_duration_statement", "SELECT pg_reload_conf()");
        await Task.Delay(StatsDelay);
        var after = await CountersAsync();
        long Delta(string key, int i) => after.GetValueOrDefault(key, [0, 0, 0])[i] - before.GetValueOrDefault(key, [0, 0, 0])[i];
        double Each(double total) => total / Math.Max(accepted, 1);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"server per accepted request ({accepted:N0}): console CPU {Each(consoleSpent.TotalMilliseconds):F2} ms, ");
        text.Append(CultureInfo.InvariantCulture, $"PostgreSQL CPU {Each(postgresSpent.TotalMilliseconds):F2} ms, commits {Each(Delta("", 0)):F2}, rollbacks {Each(Delta("", 1)):F2}");
        text.Append(CultureInfo.InvariantCulture, $"\n  console runtime over the same window: {runtimeSpent}");
        text.Append("\n  rows per accepted request (inserted/updated/deleted): ");
        text.AppendJoin(", ", after.Keys.Where(k => k.Length > 0)
            .Select(k => (Table: k, Rows: new[] { Delta(k, 0), Delta(k, 1), Delta(k, 2) }))
            .Where(t => t.Rows.Sum() >= accepted / 100)
            .OrderByDescending(t => t.Rows.Sum())
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Table} {Each(t.Rows[0]):F2}/{Each(t.Rows[1]):F2}/{Each(t.Rows[2]):F2}")));
        if (Profiled)
            text.Append(Statements(accepted));
        return text.ToString();
    }

    // "" holds the database's commits and rollbacks; each table its rows inserted, updated and deleted.
    async Task<Dictionary<string, long[]>> CountersAsync()
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT '', xact_commit, xact_rollback, 0 FROM pg_stat_database WHERE datname = current_database()
            UNION ALL SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counters = new Dictionary<string, long[]>();
        while (await reader.ReadAsync())
            counters[reader.GetString(0)] = [reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)];
        return counters;
    }

    async Task ExecuteAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The postmaster's CPU with that of its children that ended, and that of its server processes still running.</summary>
    TimeSpan PostgresCpu()
    {
        var postmaster = File.ReadLines(Path.Combine(pg.DataDirectory, "cluster", "postmaster.pid")).First().Trim();
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsDigit)))
        {
            string[] f;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // After "pid (name) ": state, ppid, …, utime (12th), stime, cutime, cstime.
                f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            }
            catch (IOException)
            {
                continue; // ended meanwhile
            }
            long Field(int i) => long.Parse(f[i], CultureInfo.InvariantCulture);
            if (Path.GetFileName(dir) == postmaster)
                ticks += Field(11) + Field(12) + Field(13) + Field(14);
            else if (f[1] == postmaster)
                ticks += Field(11) + Field(12);
        }
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    // "… LOG:  duration: 0.123 ms  execute <unnamed>: INSERT INTO …", continued on lines that begin with a tab.
    [GeneratedRegex(@"duration: ([\d.]+) ms  (parse|bind|execute|statement)[^:]*: (.*)$")]
    private static partial Regex Logged();

    [GeneratedRegex(@"^\s*(?:(INSERT INTO|UPDATE|DELETE FROM)\s+""?(\w+)|(SELECT|WITH)\b.*?\bFROM\s+""?(\w+))", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Kind();

    string Statements(int accepted)
    {
        var totals = new Dictionary<string, (int Count, double Ms)>();
        string? key = null;
        double ms = 0;
        bool counts = false;
        var sql = new StringBuilder();
        void Close()
        {
            if (key is null && sql.Length == 0)
                return;
            var text = sql.ToString();
            var kind = Kind().Match(text);
            key = kind.Success
                ? kind.Groups[1].Success ? $"{kind.Groups[1].Value.Split(' ')[0].ToUpperInvariant()} {kind.Groups[2].Value}" : $"SELECT … FROM {kind.Groups[4].Value}"
                : string.Join(' ', text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)).PadRight(48)[..48].TrimEnd();
            var (count, spent) = totals.GetValueOrDefault(key);
            totals[key] = (count + (counts ? 1 : 0), spent + ms);
            (key, sql.Length) = (null, 0);
        }
        using (var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.Seek(logFrom, SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            bool inside = false;
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                if (line.StartsWith('\t'))
                {
                    if (inside)
                        sql.Append('\n').Append(line);
                    continue;
                }
                Close();
                var m = Logged().Match(line);
                inside = m.Success;
                if (!inside)
                    continue;
                (key, ms, counts) = ("", double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value is "execute" or "statement");
                sql.Append(m.Groups[3].Value);
            }
            Close();
        }
        double Each(double total) => total / Math.Max(accepted, 1);
        var all = totals.Values.Sum(t => t.Count);
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"\n  statements per accepted request (PostgreSQL's log): {Each(all):F2}, {Each(totals.Values.Sum(t => t.Ms)):F3} ms in PostgreSQL (parse, bind, execute); by kind, count and ms:"));
        foreach (var (kind, (count, spent)) in totals.Where(t => t.Value.Count > 0).OrderByDescending(t => t.Value.Count).ThenByDescending(t => t.Value.Ms))
            text.Append(CultureInfo.InvariantCulture, $"\n    {Each(count),6:F2}  {Each(spent),7:F3}  {kind}");
        return text.ToString();
    }
}

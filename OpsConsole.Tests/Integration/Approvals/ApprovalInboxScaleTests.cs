using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>With 100,000 requests the inbox's everyday views are answered from indexes: the plans PostgreSQL picks for
/// the exact SQL the inbox sends never scan the whole table. Plans, not timings, so the test holds on a busy machine.</summary>
[Trait("Category", "Integration")]
public sealed class ApprovalInboxScaleTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    const int Rows = 100_000;

    static readonly ApprovalActor Operator = ApprovalActor.User("operator@demo.local", [ApprovalRoles.Operator], ["treasury"]);
    static readonly ApprovalActor SmallDepartmentManager = ApprovalActor.User("manager@demo.local", [ApprovalRoles.Manager], ["risk"]);
    static readonly ApprovalActor Top = ApprovalActor.User("top@demo.local", [ApprovalRoles.TopManagement], []);
    static readonly ApprovalActor Viewer = ApprovalActor.User("viewer@demo.local", ["Viewer"], []);

    public static TheoryData<string> Views => [.. Cases.Keys];

    static readonly Dictionary<string, (ApprovalActor Viewer, ApprovalInboxFilter Filter)> Cases = new()
    {
        ["operator awaiting"] = (Operator, new()),
        ["manager of a small department awaiting"] = (SmallDepartmentManager, new()),
        ["top management awaiting"] = (Top, new()),
        ["operator awaiting, searched"] = (Operator, new(Search: "partner 12")),
        ["all by next step"] = (Viewer, new(ApprovalInboxScope.All)),
        ["all by next step, page 40"] = (Viewer, new(ApprovalInboxScope.All)),
        ["all newest first"] = (Viewer, new(ApprovalInboxScope.All, Sort: ApprovalInboxSort.Created)),
        ["all of one department"] = (Viewer, new(ApprovalInboxScope.All, Department: "risk")),
        ["all expired"] = (Viewer, new(ApprovalInboxScope.All, Status: ApprovalStatus.Expired)),
        ["all searched by title"] = (Viewer, new(ApprovalInboxScope.All, Search: "partner 97")),
        ["all searched by requester"] = (Viewer, new(ApprovalInboxScope.All, Search: "erp7@")),
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Everyday_views_never_scan_the_whole_table(string view)
    {
        await SeedOnceAsync();
        var plans = new PlanRecorder();
        var inbox = new ApprovalInbox(new RecordingContexts(fixture.ConnectionString, plans));
        var (viewer, filter) = Cases[view];

        await inbox.ListAsync(viewer, filter, view.EndsWith("page 40", StringComparison.Ordinal) ? 40 : 0, 50);

        Assert.NotEmpty(plans.Plans);
        Assert.All(plans.Plans, plan => Assert.DoesNotContain("Seq Scan on approval_requests", plan));
    }

    [Fact]
    public async Task A_request_page_finds_its_resubmissions_without_scanning_the_table()
    {
        await SeedOnceAsync();
        var plans = new PlanRecorder();
        var query = new ApprovalRequestQuery(new RecordingContexts(fixture.ConnectionString, plans), Options.Create(new SlaOptions()));
        Guid id;
        await using (var db = fixture.CreateContext())
            id = await db.ApprovalRequests.Select(r => r.Id).FirstAsync();

        Assert.NotNull(await query.GetAsync(id));

        Assert.Equal(2, plans.Plans.Count);
        Assert.Contains("ix_approval_requests_resubmission_of", plans.Plans[1]);
        Assert.All(plans.Plans, plan => Assert.DoesNotContain("Seq Scan on approval_requests", plan));
    }

    static readonly SemaphoreSlim SeedGate = new(1, 1);
    static readonly HashSet<string> Seeded = [];

    // 80% pending, 60% in treasury and 5% in risk, 1% assigned; reminders spread over the coming day.
    async Task SeedOnceAsync()
    {
        await SeedGate.WaitAsync();
        try
        {
            if (!Seeded.Add(fixture.ConnectionString))
                return;
            await using var conn = new NpgsqlConnection(fixture.ConnectionString);
            await conn.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO approval_requests (id, kind, title, department, requested_by, payload, status, tier, assignee,
                    created_at, last_activity_at, sla_policy, next_due_at)
                SELECT gen_random_uuid(), 'Mint', 'Mint ' || i || ' EURE for partner ' || (i % 977),
                    CASE WHEN i % 20 < 12 THEN 'treasury' WHEN i % 20 < 18 THEN 'operations' WHEN i % 20 = 18 THEN 'risk' ELSE 'legal' END,
                    'erp' || (i % 50) || '@bridge.local', @payload::jsonb,
                    CASE WHEN i % 5 <> 0 THEN 'Pending' WHEN i % 100 = 5 THEN 'Expired' ELSE 'Approved' END,
                    CASE WHEN i % 13 = 0 THEN 3 WHEN i % 4 = 0 THEN 2 ELSE 1 END,
                    CASE WHEN i % 100 = 1 THEN 'someone' || (i % 30) || '@demo.local' END,
                    @start - make_interval(mins => i), @start - make_interval(mins => i), @policy::jsonb,
                    CASE WHEN i % 5 <> 0 THEN @start + make_interval(mins => (i * 7919) % 1440) END
                FROM generate_series(1, @rows) i
                """, conn);
            insert.Parameters.AddWithValue("payload", ApprovalJson.Write(new MintPayload("EURE", ApprovalHarness.Issuer, ApprovalHarness.Issuer, 10m, null)));
            insert.Parameters.AddWithValue("policy", ApprovalJson.Write(SlaPolicy.MintDefault));
            insert.Parameters.AddWithValue("start", ApprovalHarness.Start);
            insert.Parameters.AddWithValue("rows", Rows);
            insert.CommandTimeout = 300;
            await insert.ExecuteNonQueryAsync();
            // What autovacuum does in production: statistics for the planner, and the visibility map for index-only scans.
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE approval_requests", conn);
            vacuum.CommandTimeout = 300;
            await vacuum.ExecuteNonQueryAsync();
        }
        finally
        {
            SeedGate.Release();
        }
    }

    sealed class RecordingContexts(string connectionString, PlanRecorder plans) : IDbContextFactory<OpsDbContext>
    {
        public OpsDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<OpsDbContext>();
            DatabaseSetup.Configure(options, connectionString).AddInterceptors(plans);
            return new OpsDbContext(options.Options);
        }
    }

    /// <summary>Asks PostgreSQL for the plan of each query, with its parameters, just before the query runs.</summary>
    sealed class PlanRecorder : DbCommandInterceptor
    {
        public List<string> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN " + command.CommandText, (NpgsqlConnection)command.Connection!);
            foreach (NpgsqlParameter p in command.Parameters)
                explain.Parameters.Add(p.Clone());
            var lines = new List<string> { command.CommandText };
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                    lines.Add(reader.GetString(0));
            Plans.Add(string.Join('\n', lines));
            return result;
        }
    }
}

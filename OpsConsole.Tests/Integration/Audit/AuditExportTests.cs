using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Audit;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Audit;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Audit;

[Trait("Category", "Integration")]
public class AuditExportTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    readonly ServiceProvider services = AuditServices.Build(fixture, new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, 123, TimeSpan.Zero)));

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task Csv_quotes_commas_quotes_and_line_breaks_as_rfc_4180_says()
    {
        var kind = "csv" + Guid.NewGuid().ToString("N")[..8];
        var trail = services.GetRequiredService<AuditTrail>();
        await using (var db = fixture.CreateContext())
        {
            await trail.AppendAloneAsync(db, new AuditEntry("plain@x", "note.added", kind, "simple"));
            await trail.AppendAloneAsync(db, new AuditEntry("quote@x", "note.added", kind, "line one\nsaid \"hi\", then left",
                new() { ["text"] = "a, \"b\"\r\nc", ["name"] = "Müller" }));
        }
        var writer = new StringWriter();

        var count = await services.GetRequiredService<AuditExport>().WriteCsvAsync(new(SubjectType: kind), "viewer@demo.local", writer);

        Assert.Equal(2, count);
        var csv = writer.ToString();
        Assert.StartsWith(AuditCsv.Header + "\r\n", csv);
        Assert.EndsWith("\r\n", csv);
        // Newest first: the quoted row, whose subject id holds a raw line break inside its quotes.
        Assert.Contains(",quote@x,note.added," + kind + ",\"line one\nsaid \"\"hi\"\", then left\",", csv);
        // jsonb keeps keys ordered by length, then bytes; JSON escapes stay inside the doubled quotes.
        Assert.Contains(""","{""name"":""Müller"",""text"":""a, \""b\""\r\nc""}",""", csv);
        Assert.Contains(",2026-11-01T09:00:00.123000Z,plain@x,note.added," + kind + ",simple,{},", csv);

        var records = Rfc4180.Parse(csv);
        Assert.Equal(3, records.Count);
        Assert.Equal("line one\nsaid \"hi\", then left", records[1][5]);
        Assert.Equal("{\"name\":\"Müller\",\"text\":\"a, \\\"b\\\"\\r\\nc\"}", records[1][6]);
        Assert.All(records, r => Assert.Equal(9, r.Count));
    }

    [Fact]
    public async Task Export_is_recorded_first_and_covers_only_what_came_before_it()
    {
        var kind = "exp" + Guid.NewGuid().ToString("N")[..8];
        var trail = services.GetRequiredService<AuditTrail>();
        await using (var db = fixture.CreateContext())
            for (var i = 0; i < 3; i++)
                await trail.AppendAloneAsync(db, new AuditEntry("someone@x", "thing.done", kind, $"{i}"));

        var writer = new StringWriter();
        var count = await services.GetRequiredService<AuditExport>().WriteCsvAsync(new(SubjectType: kind), "viewer@demo.local", writer);

        await using var read = fixture.CreateContext();
        var record = await read.AuditEvents.OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal((AuditActions.Exported, "viewer@demo.local"), (record.Action, record.Actor));
        Assert.Equal(kind, (string)record.Details["subjectType"]!);
        Assert.Equal(3, count);
        Assert.DoesNotContain(AuditActions.Exported, writer.ToString());
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe_and_each_row_still_verifies()
    {
        var kind = "csv" + Guid.NewGuid().ToString("N")[..8];
        string[] subjects = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2", "@SUM(A1)", "\tTab", "\rReturn", "'quoted", "plain"];
        var trail = services.GetRequiredService<AuditTrail>();
        await using (var db = fixture.CreateContext())
            foreach (var subject in subjects)
                await trail.AppendAloneAsync(db, new AuditEntry("=cmd|' /C calc'!A0", "note.added", kind, subject));
        var writer = new StringWriter();

        await services.GetRequiredService<AuditExport>().WriteCsvAsync(new(SubjectType: kind), "viewer@demo.local", writer);

        var rows = Rfc4180.Parse(writer.ToString()).Skip(1).ToList();
        Assert.Equal(Enumerable.Reverse(subjects).Select(s => s == "plain" ? s : "'" + s), rows.Select(r => r[5]));
        Assert.All(rows, r => Assert.Equal("'=cmd|' /C calc'!A0", r[2]));
        // What the chain hashed comes back by the documented rule, so each exported row checks against its own hash.
        Assert.All(rows, r =>
        {
            var restored = new AuditEvent
            {
                Id = long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture),
                OccurredAt = DateTimeOffset.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture),
                Actor = AuditCsv.Restore(r[2]),
                Action = AuditCsv.Restore(r[3]),
                SubjectType = AuditCsv.Restore(r[4]),
                SubjectId = AuditCsv.Restore(r[5]),
                Details = System.Text.Json.Nodes.JsonNode.Parse(AuditCsv.Restore(r[6]))!.AsObject(),
                PrevHash = r[7],
                Hash = r[8],
            };
            Assert.Equal(r[8], AuditChain.ComputeHash(r[7], restored));
        });
    }
}

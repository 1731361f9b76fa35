using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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
}

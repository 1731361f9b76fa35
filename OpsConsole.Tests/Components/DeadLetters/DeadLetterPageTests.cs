using Bunit;
using Npgsql;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.DeadLetters.Pages;
using OpsConsole.Features.Identity;
using OpsConsole.Tests.Integration.DeadLetters;

namespace OpsConsole.Tests.Components.DeadLetters;

[Trait("Category", "Component")]
public class DeadLetterPageTests : DeadLetterPagesContext
{
    [Fact]
    public async Task Shows_every_field_with_the_stack_trace_folded_and_Retry_for_a_Remediator()
    {
        var id = (await DeadLetterSeed.InsertAsync(ConnectionString, 1, Clock.GetUtcNow(), prefix: "detail"))[0];
        SignIn("remediator@demo.local", "Rae Remediator", Roles.Remediator);

        var page = Render<DeadLetterPage>(p => p.Add(x => x.Id, id));

        await page.WaitForAssertionAsync(() => Assert.Contains("detail-1", page.Find("[data-testid=fields]").TextContent), Patience);
        var fields = page.Find("[data-testid=fields]").TextContent;
        Assert.Contains(DeadLetterSeed.Reason, fields);
        Assert.Contains("System.Net.Sockets.SocketException", fields);
        Assert.Contains("Draft → Submitted", page.Find("[data-testid=attempted]").TextContent);
        // The current state is read after the record, so it may show a render later.
        await page.WaitForAssertionAsync(() =>
            Assert.Equal("no reader registered for test_aggregate", page.Find("[data-testid=current-state]").TextContent.Trim()), Patience);
        var trace = page.Find("[data-testid=stack-trace]");
        Assert.False(trace.HasAttribute("open"));
        Assert.Contains("at Sender.Send()", trace.TextContent);
        Assert.Contains("\"n\": 1", page.Find("[data-testid=payload]").TextContent);
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Retry");
    }

    [Fact]
    public async Task Shows_how_often_the_work_failed_from_first_to_last()
    {
        var id = (await DeadLetterSeed.InsertAsync(ConnectionString, 1, Clock.GetUtcNow(), prefix: "flaky", occurrences: 37))[0];
        SignIn("viewer@demo.local", "Vic Viewer", Roles.Viewer);

        var page = Render<DeadLetterPage>(p => p.Add(x => x.Id, id));

        await page.WaitForAssertionAsync(() => Assert.Equal(
            "failed 37 times, first 2026-11-02 08:58:59, last 2026-11-02 08:59:59 (UTC)",
            page.Find("[data-testid=occurrences]").TextContent.Trim()), Patience);
        Assert.Empty(page.FindAll("[data-testid=claim]"));
    }

    [Fact]
    public async Task A_record_being_retried_shows_how_long_ago_it_was_claimed()
    {
        var id = (await DeadLetterSeed.InsertAsync(ConnectionString, 1, Clock.GetUtcNow(), DeadLetterStatus.Retrying, prefix: "claimed"))[0];
        await using (var conn = new NpgsqlConnection(ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("UPDATE dead_letters SET retry_claim_id = gen_random_uuid(), retry_claimed_at = @at WHERE id = @id", conn);
            cmd.Parameters.AddWithValue("at", Clock.GetUtcNow().AddMinutes(-12));
            cmd.Parameters.AddWithValue("id", id);
            await cmd.ExecuteNonQueryAsync();
        }
        SignIn("remediator@demo.local", "Rae Remediator", Roles.Remediator);

        var page = Render<DeadLetterPage>(p => p.Add(x => x.Id, id));

        await page.WaitForAssertionAsync(() => Assert.Equal("Retry claimed 2026-11-02 08:48:00 (UTC), 12 min ago",
            page.Find("[data-testid=claim]").TextContent.Trim()), Patience);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Retry");
    }

    [Fact]
    public async Task A_viewer_reads_but_has_no_Retry()
    {
        var id = (await DeadLetterSeed.InsertAsync(ConnectionString, 1, Clock.GetUtcNow(), prefix: "viewer"))[0];
        SignIn("viewer@demo.local", "Vic Viewer", Roles.Viewer);

        var page = Render<DeadLetterPage>(p => p.Add(x => x.Id, id));

        await page.WaitForAssertionAsync(() => Assert.Contains("viewer-1", page.Find("[data-testid=fields]").TextContent), Patience);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Retry" or "Resolve" or "Discard");
    }
}

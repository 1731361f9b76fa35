using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.DeadLetters;

/// <summary>
/// A retry that never reports back does not hold its record for good, and cannot spoil it when it reports late. Each test
/// has a database of its own, since recovery sweeps the whole table and the tests move the clock.
/// </summary>
[Trait("Category", "Integration")]
public class RetryRecoveryTests : IAsyncLifetime
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);
    readonly DatabaseFixture fixture = new();
    RemediationHarness h = null!;

    public async Task InitializeAsync()
    {
        await fixture.InitializeAsync();
        h = new RemediationHarness(fixture, new Dictionary<string, string?> { ["DeadLetters:StaleRetryAfter"] = Limit.ToString("c") });
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task A_retry_claimed_longer_ago_than_the_limit_returns_to_Unresolved_with_history_and_audit()
    {
        var id = await ClaimedAsync("dead-process", h.Clock.GetUtcNow() - Limit - TimeSpan.FromSeconds(1), "ann@demo.local");

        var recovered = await h.Recovery.RecoverAsync();

        Assert.Equal(1, recovered);
        var letter = await h.ReadAsync(id);
        Assert.Equal(DeadLetterStatus.Unresolved, letter.Status);
        Assert.Null(letter.RetryClaimId);
        Assert.Null(letter.RetryClaimedAt);
        Assert.Null(letter.ClosedAt);
        var row = (await h.Query.HistoryAsync(id))[^1];
        Assert.Equal((DeadLetterRetryRecovery.Actor, DeadLetterActions.RetryAbandoned, "unresolved"), (row.Actor, row.Action, row.Outcome));
        Assert.Contains("by ann@demo.local", row.Note);
        var e = Assert.Single(await h.AuditAsync(id));
        Assert.Equal(("system:dead-letters", "dead_letter.retry_abandoned"), (e.Actor, e.Action));
        Assert.Equal("ann@demo.local", e.Details["claimedBy"]!.GetValue<string>());
        Assert.Equal("Unresolved", e.Details["status"]!.GetValue<string>());
        // Staff can work it again.
        Assert.Equal(RemediationOutcome.Resolved, (await h.Remediation.RetryAsync(RemediationHarness.Remediator(), id)).Outcome);
    }

    [Fact]
    public async Task A_fresh_claim_is_left_alone()
    {
        var id = await ClaimedAsync("fresh", h.Clock.GetUtcNow() - Limit + TimeSpan.FromSeconds(1), "bob@demo.local");

        var recovered = await h.Recovery.RecoverAsync();

        Assert.Equal(0, recovered);
        Assert.Equal(DeadLetterStatus.Retrying, (await h.ReadAsync(id)).Status);
        Assert.DoesNotContain(await h.Query.HistoryAsync(id), a => a.Action == DeadLetterActions.RetryAbandoned);
        Assert.Empty(await h.AuditAsync(id));
    }

    [Fact]
    public async Task A_record_Retrying_from_before_claims_were_timed_is_recovered()
    {
        var id = (await h.SeedAsync(1, DeadLetterStatus.Retrying, prefix: "untimed"))[0];

        Assert.Equal(1, await h.Recovery.RecoverAsync());

        Assert.Equal(DeadLetterStatus.Unresolved, (await h.ReadAsync(id)).Status);
        Assert.Contains("before claim times were kept", (await h.Query.HistoryAsync(id))[^1].Note);
    }

    [Fact]
    public async Task A_retry_finishing_after_its_claim_was_taken_back_leaves_the_record_as_it_is()
    {
        var id = (await h.SeedAsync(prefix: "late"))[0];
        var before = await h.ReadAsync(id);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Script.Behaviour = async _ =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return RetryResult.Failure("Receiver said 500 after a very long wait");
        };
        var slow = Task.Run(() => h.Remediation.RetryAsync(RemediationHarness.Remediator("slow@demo.local"), id));
        await Poll.UntilAsync(() => h.ReadAsync(id), d => d.Status == DeadLetterStatus.Retrying);

        h.Clock.Advance(Limit);
        Assert.Equal(1, await h.Recovery.RecoverAsync());
        release.SetResult();
        var late = await slow;

        Assert.Equal(RemediationOutcome.Refused, late.Outcome);
        Assert.Contains("after its claim had been taken back", late.Message);
        var letter = await h.ReadAsync(id);
        Assert.Equal(DeadLetterStatus.Unresolved, letter.Status);
        Assert.Equal((before.RetryCount, before.ReasonMessage, before.LastFailedAt), (letter.RetryCount, letter.ReasonMessage, letter.LastFailedAt));
        Assert.Equal([DeadLetterActions.RetryStarted, DeadLetterActions.RetryAbandoned, DeadLetterActions.RetryFinishedLate],
            (await h.Query.HistoryAsync(id)).Select(a => a.Action));
        Assert.Equal([DeadLetterActions.RetryStarted, DeadLetterActions.RetryAbandoned, DeadLetterActions.RetryFinishedLate], (await h.AuditAsync(id)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_late_retry_does_not_finish_the_newer_retry_that_claimed_the_record_after_recovery()
    {
        var id = (await h.SeedAsync(prefix: "reclaimed"))[0];
        var releaseOld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseNew = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        h.Script.Behaviour = async _ =>
        {
            var mine = Interlocked.Increment(ref calls) == 1 ? releaseOld : releaseNew;
            await mine.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return mine == releaseOld ? RetryResult.Success() : RetryResult.Failure("Receiver still down");
        };
        var old = Task.Run(() => h.Remediation.RetryAsync(RemediationHarness.Remediator("old@demo.local"), id));
        await Poll.UntilAsync(() => h.ReadAsync(id), d => d.Status == DeadLetterStatus.Retrying);
        h.Clock.Advance(Limit);
        await h.Recovery.RecoverAsync();
        var fresh = Task.Run(() => h.Remediation.RetryAsync(RemediationHarness.Remediator("new@demo.local"), id));
        var claimed = await Poll.UntilAsync(() => h.ReadAsync(id), d => d.Status == DeadLetterStatus.Retrying);

        releaseOld.SetResult();
        Assert.Equal(RemediationOutcome.Refused, (await old).Outcome);
        var meanwhile = await h.ReadAsync(id);
        Assert.Equal((DeadLetterStatus.Retrying, claimed.RetryClaimId), (meanwhile.Status, meanwhile.RetryClaimId));

        releaseNew.SetResult();
        Assert.Equal(RemediationOutcome.StillFailing, (await fresh).Outcome);
        Assert.Equal("Receiver still down", (await h.ReadAsync(id)).ReasonMessage);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:05:00")]
    public async Task A_limit_that_is_not_positive_is_refused_naming_the_setting(string limit)
    {
        await using var bad = new RemediationHarness(fixture, new Dictionary<string, string?> { ["DeadLetters:StaleRetryAfter"] = limit });

        var error = Assert.Throws<OptionsValidationException>(() => bad.Services.GetRequiredService<IOptions<DeadLetterOptions>>().Value);

        Assert.Contains("DeadLetters:StaleRetryAfter must be a positive time span", error.Message);
    }

    /// <summary>A record claimed for a retry whose process then died: Retrying, with the claim and its history row.</summary>
    async Task<Guid> ClaimedAsync(string prefix, DateTimeOffset claimedAt, string by)
    {
        var id = (await h.SeedAsync(1, DeadLetterStatus.Retrying, prefix: prefix))[0];
        await using var conn = new NpgsqlConnection(h.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            UPDATE dead_letters SET retry_claim_id = gen_random_uuid(), retry_claimed_at = @at WHERE id = @id;
            INSERT INTO dead_letter_actions (dead_letter_id, at, actor, action, outcome) VALUES (@id, @at, @by, @action, 'claimed');
            """, conn);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("at", claimedAt);
        cmd.Parameters.AddWithValue("by", by);
        cmd.Parameters.AddWithValue("action", DeadLetterActions.RetryStarted);
        await cmd.ExecuteNonQueryAsync();
        return id;
    }
}

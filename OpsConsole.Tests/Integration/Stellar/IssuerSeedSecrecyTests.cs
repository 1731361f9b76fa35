using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Stellar;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Domain.Stellar;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Stellar;

/// <summary>The issuer seed goes from the settings into the signer and nowhere else: not into any log line of a whole
/// run, at every level, nor into any row the run wrote, nor into any page about the mint.</summary>
[Trait("Category", "Integration")]
public sealed class IssuerSeedSecrecyTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    static readonly string Seed = StellarVectors.Payment("native, no memo, testnet").Text("sourceSeed");
    static readonly string Issuer = StellarVectors.Payment("native, no memo, testnet").Text("sourceAccount");

    [Fact]
    public async Task A_mint_run_from_approval_to_confirmation_never_writes_the_seed()
    {
        await using var app = new LogCapturingApp(fixture.ConnectionString, new Dictionary<string, string?>
        {
            ["Stellar:Mode"] = "Simulated",
            ["Stellar:IssuerSeed"] = Seed,
            // The job fires once at start and then stays out of the way; the test drives the submitter itself.
            ["Stellar:ReconcileInterval"] = "01:00:00",
        });
        app.CreateClient().Dispose();
        await using var scope = app.Services.CreateAsyncScope();
        var approvals = scope.ServiceProvider.GetRequiredService<ApprovalService>();
        var created = await approvals.CreateAsync(new NewApprovalRequest(ApprovalKind.Mint, "Mint with a configured seed", "treasury",
            "operator@demo.local", new MintPayload("OPS", Issuer, StellarVectors.Payment("native, no memo, testnet").Text("destination"), 10m, "secret check")));
        var id = created.Created!.Id;
        Assert.IsType<TransitionOutcome.Applied>(await approvals.ActAsync(id, ApprovalCommand.Approve(), StellarHarness.Manager));
        var submitter = scope.ServiceProvider.GetRequiredService<MintSubmitter>();

        // Built here, or by the job's first pass if that came first: either way one transaction, read back from its row.
        await submitter.SubmitAsync(id);
        MintSubmission submission;
        await using (var db = fixture.CreateContext())
            submission = await db.StellarSubmissions.SingleAsync(s => s.RequestId == id);
        // The simulated network closes a ledger every 5 s of real time here.
        await Poll.UntilAsync(async () =>
        {
            await submitter.ReconcileAsync(submission.Id);
            await using var db = fixture.CreateContext();
            return (await db.StellarSubmissions.SingleAsync(s => s.Id == submission.Id)).Status;
        }, status => status == SubmissionStatus.Confirmed, TimeSpan.FromSeconds(30));

        // Every page a signed-in person reads about it, rendered as the browser first receives them.
        var cookie = await app.SignInAsync("admin@demo.local");
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        foreach (var path in new[] { $"/approvals/{id}", "/approvals?scope=All", "/audit", "/dead-letters", "/system", "/alerts", "/" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookie);
            using var response = await browser.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
            Assert.DoesNotContain(Seed, html, StringComparison.Ordinal);
            if (path == $"/approvals/{id}")
                Assert.Contains(submission.Hash, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(app.LogTexts, line => line.Contains(Seed, StringComparison.Ordinal));
        Assert.Contains(app.LogTexts, line => line.Contains(submission.Hash, StringComparison.Ordinal));
        await using (var db = fixture.CreateContext())
        {
            var rows = await db.Database.SqlQuery<string>($"""
                SELECT details::text AS "Value" FROM audit_events
                UNION ALL SELECT envelope_xdr || coalesce(reason, '') FROM stellar_submissions
                UNION ALL SELECT answer || coalesce(detail, '') FROM stellar_submission_attempts
                UNION ALL SELECT coalesce(payload::text, '') || reason_message FROM dead_letters
                """).ToListAsync();
            Assert.NotEmpty(rows);
            Assert.DoesNotContain(rows, row => row.Contains(Seed, StringComparison.Ordinal));
        }
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

[Trait("Category", "Integration")]
public sealed class ApprovalRequestsApiTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    static int tests;
    // Each test starts an hour apart, so equal bodies signed by two tests never share a signature the replay guard remembers.
    readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow.AddHours(Interlocked.Increment(ref tests)));
    MachineAuthHost host = null!;
    HttpClient client = null!;

    public async Task InitializeAsync()
    {
        await using (var db = fixture.CreateContext())
        {
            if (!db.Departments.Any(d => d.Id == ApprovalHarness.Department))
            {
                db.Departments.Add(new Department { Id = ApprovalHarness.Department, Name = "Treasury" });
                await db.SaveChangesAsync();
            }
        }
        host = new MachineAuthHost(fixture.ConnectionString, time);
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
    }

    static string Body(string assetCode = "EURE", string issuer = ApprovalHarness.Issuer, string amount = "125.50",
        string department = ApprovalHarness.Department, string title = "Mint for the desk") => JsonSerializer.Serialize(new
        {
            kind = "Mint",
            title,
            department,
            requestedBy = ApprovalHarness.Requester,
            payload = new { assetCode, issuer, destination = ApprovalHarness.Issuer, amount, memo = "invoice 7" },
        });

    async Task<HttpResponseMessage> PostAsync(string body, string? idempotencyKey = null)
    {
        // A new timestamp each time: a retry is a new signature, or the replay guard would refuse it.
        time.Advance(TimeSpan.FromSeconds(1));
        using var request = SignedRequest.Bridge(HttpMethod.Post, "/api/approval-requests", time.GetUtcNow(), body);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Post_creates_a_pending_request_with_its_location()
    {
        using var response = await PostAsync(Body());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = doc.RootElement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/approval-requests/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Pending", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("tier").GetInt32());
        Assert.Equal("125.50", doc.RootElement.GetProperty("payload").GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Post_names_each_field_at_fault()
    {
        using var response = await PostAsync(Body(assetCode: "", issuer: "GNOTANACCOUNT", amount: "1.12345678"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SignedRequest.ProblemAsync(response);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["payload.amount", "payload.assetCode", "payload.issuer"], fields);
        Assert.Contains("7 decimals", problem.GetProperty("errors").GetProperty("payload.amount")[0].GetString());
    }

    [Fact]
    public async Task Post_with_an_unknown_department_names_department()
    {
        using var response = await PostAsync(Body(department: "nowhere"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SignedRequest.ProblemAsync(response);
        Assert.Equal(["department"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Retried_post_with_the_same_idempotency_key_returns_the_first_result()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(Body(), key);
        using var retry = await PostAsync(Body(), key);
        using var other = await PostAsync(Body(title: "Another mint"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("Idempotency-Key", (await SignedRequest.ProblemAsync(other)).GetProperty("field").GetString());
        await using var db = fixture.CreateContext();
        Assert.Equal(1, db.ApprovalRequests.Count(r => r.Title == "Mint for the desk" && r.CreatedAt >= time.GetUtcNow().AddMinutes(-1)));
    }

    [Fact]
    public async Task Get_returns_status_tier_due_time_and_history()
    {
        using var created = await PostAsync(Body(title: "Mint to read back"));
        var location = created.Headers.Location!.OriginalString;

        time.Advance(TimeSpan.FromSeconds(1));
        using var request = SignedRequest.Bridge(HttpMethod.Get, location, time.GetUtcNow());
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal("Mint", root.GetProperty("kind").GetString());
        Assert.Equal("Pending", root.GetProperty("status").GetString());
        Assert.Equal(1, root.GetProperty("tier").GetInt32());
        Assert.Equal(root.GetProperty("createdAt").GetDateTimeOffset().AddHours(4), root.GetProperty("nextDueAt").GetDateTimeOffset());
        var entry = Assert.Single(root.GetProperty("history").EnumerateArray());
        Assert.Equal("approval.created", entry.GetProperty("action").GetString());
        Assert.Equal(ApprovalHarness.Requester, entry.GetProperty("actor").GetString());
        Assert.Equal(1, entry.GetProperty("details").GetProperty("tier").GetInt32());
    }

    [Fact]
    public async Task Get_answers_not_found_to_a_key_of_another_tenant()
    {
        using var created = await PostAsync(Body(title: "Mint for acme only"));
        var location = created.Headers.Location!.OriginalString;
        await using (var db = fixture.CreateContext())
            Assert.Equal("acme", db.ApprovalRequests.Single(r => r.Title == "Mint for acme only").Tenant);

        time.Advance(TimeSpan.FromSeconds(1));
        using var request = SignedRequest.Create(HttpMethod.Get, location, "globex", MachineAuthHost.OtherTenantSecret, time.GetUtcNow());
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("id", (await SignedRequest.ProblemAsync(response)).GetProperty("field").GetString());
    }
}

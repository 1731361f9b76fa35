using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Audit;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Audit;

[Trait("Category", "Integration")]
public class AuditExportEndpointTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    OpsAppFactory app = null!;
    HttpClient http = null!;
    readonly Dictionary<string, string> cookies = [];

    public async Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString);
        http = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var email in new[] { "viewer@demo.local", "operator@demo.local" })
            cookies[email] = await app.SignInAsync(email);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }

    HttpRequestMessage Get(string url, string? user)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (user is not null)
            request.Headers.Add("Cookie", cookies[user]);
        return request;
    }

    [Fact]
    public async Task Export_streams_the_filtered_rows_as_a_csv_download_and_records_who_took_it()
    {
        var trail = app.Services.GetRequiredService<AuditTrail>();
        await using (var db = fixture.CreateContext())
        {
            await trail.AppendAloneAsync(db, new AuditEntry("a@x", "doc.signed", "doc", "wanted, with comma"));
            await trail.AppendAloneAsync(db, new AuditEntry("a@x", "doc.signed", "doc", "other"));
        }
        var filter = new AuditFilter(SubjectType: "doc", SubjectId: "wanted, with comma", From: DateTimeOffset.UtcNow.AddHours(-1));

        using var response = await http.SendAsync(Get(AuditExportEndpoint.Path + filter.ToQueryString(), "viewer@demo.local"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("audit-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(",doc,\"wanted, with comma\",", lines[1]);

        await using var read = fixture.CreateContext();
        var record = await read.AuditEvents.OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal((AuditActions.Exported, "viewer@demo.local"), (record.Action, record.Actor));
        Assert.Equal("wanted, with comma", (string)record.Details["subjectId"]!);
    }

    [Fact]
    public async Task Export_needs_a_user_whose_role_may_read_the_audit()
    {
        using var anonymous = await http.SendAsync(Get(AuditExportEndpoint.Path, user: null));
        using var operatorUser = await http.SendAsync(Get(AuditExportEndpoint.Path, "operator@demo.local"));

        // A download link in a browser: people are sent to sign in, or to the 403 page.
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/login", anonymous.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, operatorUser.StatusCode);
        Assert.Equal("/forbidden", operatorUser.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Export_refuses_a_malformed_time()
    {
        using var response = await http.SendAsync(Get(AuditExportEndpoint.Path + "?from=yesterday", "viewer@demo.local"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

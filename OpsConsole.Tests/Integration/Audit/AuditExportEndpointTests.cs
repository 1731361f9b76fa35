using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Audit;
using OpsConsole.Features.Identity;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Audit;

[Trait("Category", "Integration")]
public class AuditExportEndpointTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    WebApplication app = null!;
    HttpClient http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuditAgainst(fixture, TimeProvider.System);
        builder.Services.AddAuthentication(HeaderAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddOpsPolicies();
        app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAudit();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    HttpRequestMessage Get(string url, string? user, string role = Roles.Viewer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
            request.Headers.Add("X-Test-Role", role);
        }
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
        using var operatorUser = await http.SendAsync(Get(AuditExportEndpoint.Path, "operator@demo.local", Roles.Operator));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorUser.StatusCode);
    }

    [Fact]
    public async Task Export_refuses_a_malformed_time()
    {
        using var response = await http.SendAsync(Get(AuditExportEndpoint.Path + "?from=yesterday", "viewer@demo.local"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

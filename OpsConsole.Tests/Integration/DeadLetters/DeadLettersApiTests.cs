using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Identity;
using OpsConsole.Tests.Integration.MachineAuth;

namespace OpsConsole.Tests.Integration.DeadLetters;

[Trait("Category", "Integration")]
public class DeadLettersApiTests(MachineAuthApp app) : IClassFixture<MachineAuthApp>
{
    const string Password = "Letters-pass-1";

    [Theory]
    [InlineData(Roles.Viewer, HttpStatusCode.OK)]
    [InlineData(Roles.Remediator, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    [InlineData(Roles.Operator, HttpStatusCode.Forbidden)]
    public async Task Signed_in_person_reads_only_as_Remediator_Viewer_or_Admin(string role, HttpStatusCode expected)
    {
        var cookie = await app.Host.SignInAsync(await CreateUserAsync(role), Password);
        using var client = app.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/dead-letters");
        request.Headers.Add("Cookie", cookie);

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Machine_client_with_DeadLetters_Read_lists_in_camelCase_with_string_statuses()
    {
        var ids = await DeadLetterSeed.InsertAsync(app.ConnectionString, 3, app.Time.GetUtcNow(), prefix: "api-list");
        using var client = app.Host.CreateClient();

        var response = await client.SendAsync(Feed("/api/dead-letters?status=unresolved&operation=test.submit&page=1&pageSize=2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.True(root.GetProperty("total").GetInt32() >= 3);
        Assert.Equal(2, root.GetProperty("pageSize").GetInt32());
        var first = root.GetProperty("items")[0];
        Assert.Equal("Unresolved", first.GetProperty("status").GetString());
        Assert.Equal("test.submit", first.GetProperty("operation").GetString());
        Assert.Equal(1, first.GetProperty("occurrences").GetInt32());
        Assert.Contains(first.GetProperty("id").GetGuid(), ids);
    }

    [Fact]
    public async Task Machine_client_reads_one_record_with_every_field()
    {
        var id = (await DeadLetterSeed.InsertAsync(app.ConnectionString, 1, app.Time.GetUtcNow(), prefix: "api-one", occurrences: 5))[0];
        using var client = app.Host.CreateClient();

        var response = await client.SendAsync(Feed($"/api/dead-letters/{id}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("api-one-1", doc.RootElement.GetProperty("aggregateId").GetString());
        Assert.StartsWith("System.Net.Sockets.SocketException", doc.RootElement.GetProperty("stackTrace").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("payload").GetProperty("n").GetInt32());
        Assert.Equal(5, doc.RootElement.GetProperty("occurrences").GetInt32());
    }

    [Fact]
    public async Task Machine_client_without_DeadLetters_Read_is_forbidden()
    {
        using var client = app.Host.CreateClient();

        var response = await client.SendAsync(SignedRequest.Bridge(HttpMethod.Get, "/api/dead-letters", app.NextSecond()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await SignedRequest.ProblemAsync(response);
        Assert.StartsWith("Key 'bridge' lacks scope 'DeadLetters:Read'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_id_is_404_problem()
    {
        using var client = app.Host.CreateClient();

        var response = await client.SendAsync(Feed($"/api/dead-letters/{Guid.NewGuid()}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("No dead letter has the id", (await SignedRequest.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("status=Lost", "status")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=5000", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    public async Task Bad_query_parameter_is_400_naming_it(string query, string parameter)
    {
        using var client = app.Host.CreateClient();

        var response = await client.SendAsync(Feed("/api/dead-letters?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SignedRequest.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    HttpRequestMessage Feed(string pathAndQuery) =>
        SignedRequest.Create(HttpMethod.Get, pathAndQuery, "feed", MachineAuthHost.FeedSecret, app.NextSecond());

    async Task<string> CreateUserAsync(string role)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@letters.test";
        var user = new OpsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, CreatedAt = app.Time.GetUtcNow() };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }
}

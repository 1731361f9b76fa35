using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Identity;

namespace OpsConsole.Tests.Integration.MachineAuth;

[Trait("Category", "Integration")]
public class MetricsAccessTests(MachineAuthApp app) : IClassFixture<MachineAuthApp>
{
    const string Password = "Metrics-pass-1";

    [Fact]
    public async Task Anonymous_scrape_is_refused_with_401()
    {
        using var client = app.Host.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await SignedRequest.ProblemAsync(response);
        Assert.StartsWith("X-Ops-Key header is missing", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Machine_client_with_Metrics_Read_scrapes()
    {
        using var client = app.Host.CreateClient();

        var response = await client.SendAsync(SignedRequest.Bridge(HttpMethod.Get, "/metrics", app.NextSecond()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Machine_client_without_Metrics_Read_is_forbidden()
    {
        using var client = app.Host.CreateClient();
        var request = SignedRequest.Create(HttpMethod.Get, "/metrics", "feed", MachineAuthHost.FeedSecret, app.NextSecond());

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await SignedRequest.ProblemAsync(response);
        Assert.StartsWith("Key 'feed' lacks scope 'Metrics:Read'", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(Roles.Viewer, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    [InlineData(Roles.Operator, HttpStatusCode.Forbidden)]
    public async Task Signed_in_person_scrapes_only_as_Admin_or_Viewer(string role, HttpStatusCode expected)
    {
        var email = await CreateUserAsync(role);
        var cookie = await app.Host.SignInAsync(email, Password);
        using var client = app.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("Cookie", cookie);

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    async Task<string> CreateUserAsync(string role)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@metrics.test";
        var user = new OpsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, CreatedAt = app.Time.GetUtcNow() };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }
}

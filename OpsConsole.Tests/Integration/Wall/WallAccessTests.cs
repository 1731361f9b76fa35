using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Wall;
using OpsConsole.Features.Wall.Pages;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Wall;

/// <summary>
/// The wall token reads the wall and its live topics and nothing else: every other endpoint of the app (pages, API,
/// exports, metrics) refuses a request that carries only the wall cookie, no page but the wall lets a wall display in
/// even inside its own circuit, and on the hub it follows the wall's topics and no other.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class WallAccessTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    static readonly string[] WallTopics = [LiveTopics.Alerts, LiveTopics.Approvals, LiveTopics.DeadLetters, LiveTopics.Funding];

    OpsAppFactory app = null!;
    string cookie = "";

    public async Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString, WallApp.Settings());
        cookie = await WallApp.CookieAsync(app);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Every_endpoint_but_the_wall_and_its_hubs_refuses_the_wall_cookie()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => (Path: Sample(e.RoutePattern.RawText ?? ""), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(e => !WallAccess.IsWallPath(e.Path))
            .DistinctBy(e => (e.Path, string.Join(',', e.Methods)))
            .ToList();
        Assert.Contains(endpoints, e => e.Path == "/api/alerts/state");
        Assert.Contains(endpoints, e => e.Path == "/");

        var let = new List<string>();
        foreach (var (path, methods) in endpoints)
            foreach (var method in methods)
            {
                using var response = await WallApp.SendAsync(app, cookie, new HttpMethod(method), path);
                if (!Refused(response))
                    let.Add($"{method} {path} answered {(int)response.StatusCode}");
            }

        Assert.Empty(let);
    }

    [Fact]
    public async Task No_page_but_the_wall_admits_a_wall_display_even_inside_its_circuit()
    {
        var display = WallAccess.Display(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WallSettings>>().Value.TokenFingerprint);
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        var pages = typeof(WallPage).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
            .ToList();

        var admitted = new List<string>();
        foreach (var page in pages)
        {
            var data = page.GetCustomAttributes().OfType<IAuthorizeData>().ToList();
            var anonymous = page.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            // A page with no attribute is one the circuit never renders (ExcludeFromInteractiveRouting): its request passes
            // the fallback policy, where the wall cookie is not even read.
            if (anonymous || data.Count == 0)
            {
                Assert.True(anonymous || page.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is not null, $"{page.Name} has no [Authorize]");
                continue;
            }
            var policy = (await AuthorizationPolicy.CombineAsync(policies, data))!;
            if ((await authorization.AuthorizeAsync(display, null, policy)).Succeeded)
                admitted.Add(page.Name);
        }

        Assert.Equal([nameof(WallPage)], admitted);
    }

    [Fact]
    public async Task On_the_hub_the_wall_cookie_follows_the_walls_topics_and_no_other()
    {
        await using var hub = await WallApp.ConnectHubAsync(app, cookie);

        foreach (var topic in WallTopics)
            await hub.InvokeAsync("Subscribe", topic);
        foreach (var topic in LiveTopics.All.Except(WallTopics))
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", topic));
            Assert.Contains($"'{topic}'", refused.Message, StringComparison.Ordinal);
        }
    }

    // Refused: 401 or 403, or the sign-in page a person would be sent to; never an answer, a 404 or a 400 from a
    // handler that ran.
    static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            && response.Headers.Location?.OriginalString.Contains("/login", StringComparison.Ordinal) == true;

    // A concrete path for a route template: a guid for a guid parameter, a word for any other.
    static string Sample(string template) => "/" + RouteParameter().Replace(template.TrimStart('/'),
        m => m.Groups[1].Value.Contains("guid", StringComparison.OrdinalIgnoreCase) ? Guid.NewGuid().ToString() : "sample");

    [GeneratedRegex(@"\{[^}:]*(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}

using System.Net;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Security;

/// <summary>The circuit hub and /hubs/ops refuse a negotiate that another site's page started.</summary>
[Trait("Category", "Integration")]
public sealed class HubOriginTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    OpsAppFactory app = null!;
    string cookie = "";

    public async Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString);
        cookie = await app.SignInAsync("viewer@demo.local");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<HttpStatusCode> NegotiateAsync(string hub, string? origin)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{hub}/negotiate?negotiateVersion=1");
        request.Headers.Add("Cookie", cookie);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("/_blazor")]
    [InlineData(OpsHub.Path)]
    public async Task A_foreign_origin_is_refused_and_the_consoles_own_or_none_is_let_through(string hub)
    {
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(hub, "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(hub, "http://localhost:81"));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(hub, "http://localhost"));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(hub, origin: null));
    }
}

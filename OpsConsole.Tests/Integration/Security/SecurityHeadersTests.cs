using System.Net;
using System.Text.RegularExpressions;
using OpsConsole.Platform.Security;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Security;

/// <summary>The headers every response carries, read from real Kestrel: pages, the API, errors and static files alike.</summary>
[Trait("Category", "Integration")]
public sealed partial class SecurityHeadersTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    OpsAppFactory app = null!;
    Uri server = null!;
    HttpClient client = null!;

    public Task InitializeAsync()
    {
        // 127.0.0.1 stands for a TLS-terminating proxy in front of the console.
        app = new OpsAppFactory(fixture.ConnectionString, new Dictionary<string, string?> { [TrustedProxies.Setting] = "127.0.0.1" });
        server = app.StartOnLoopback();
        client = LoopbackClient.From("127.0.0.1", server);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/approvals")]
    [InlineData("/api/machine/whoami")]
    [InlineData("/no-such-page")]
    [InlineData("/healthz")]
    [InlineData("/app.css")]
    public async Task Every_answer_carries_the_security_headers_and_no_server_header(string path)
    {
        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Single(response, "Permissions-Policy"));
        Assert.Contains("frame-ancestors 'none'", Single(response, "Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(',', response.Headers.TryGetValues("Server", out var s) ? s : [])}");
    }

    [Fact]
    public async Task The_policy_allows_scripts_only_from_the_console_and_the_page_import_map_by_its_nonce()
    {
        using var response = await client.GetAsync("/login");
        var policy = Single(response, "Content-Security-Policy");
        var page = await response.Content.ReadAsStringAsync();

        var scriptSrc = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Contains("default-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", scriptSrc);
        Assert.DoesNotContain("unsafe-eval", scriptSrc);
        var nonce = Nonce().Match(scriptSrc).Groups[1].Value;
        var inline = InlineScript().Matches(page).Select(m => m.Value).ToList();
        Assert.NotEmpty(inline);
        Assert.All(inline, tag => Assert.Contains($"nonce=\"{nonce}\"", tag));
        using var again = await client.GetAsync("/login");
        Assert.NotEqual(nonce, Nonce().Match(Single(again, "Content-Security-Policy")).Groups[1].Value);
    }

    [Fact]
    public async Task Pages_and_exports_are_never_stored()
    {
        using var viewer = LoopbackClient.From("127.0.0.1", server);
        (await OpsAppFactory.PostSignInAsync(viewer, "viewer@demo.local", "Demo-pass-1")).Dispose();
        foreach (var path in new[] { "/audit", "/audit/export.csv", "/approvals" })
        {
            using var response = await viewer.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task Hsts_is_sent_only_when_the_request_came_over_https_through_the_trusted_proxy()
    {
        using var stranger = LoopbackClient.From("127.0.0.2", server);

        Assert.Equal("max-age=31536000", Single(await SendAsync(client, "https"), "Strict-Transport-Security"));
        Assert.False((await SendAsync(client, proto: null)).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await SendAsync(stranger, "https")).Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>A request for the console's public name (HSTS is never sent for localhost), as the proxy forwards it.</summary>
    static async Task<HttpResponseMessage> SendAsync(HttpClient through, string? proto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Host = "ops.example.test";
        if (proto is not null)
            request.Headers.Add("X-Forwarded-Proto", proto);
        return await through.SendAsync(request);
    }

    static string Single(HttpResponseMessage response, string name) =>
        (response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : [])
        .Single();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpsConsole.Platform;
using OpsConsole.Platform.MetricsScrape;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.MetricsScrape;

/// <summary>A stock Prometheus scrapes /metrics with <c>Authorization: Bearer</c> and the token from Metrics:ScrapeToken.</summary>
[Trait("Category", "Integration")]
public sealed class MetricsScrapeTests : IAsyncLifetime
{
    const string Token = "scrape-token-0123456789-abcdefghij-KLMNOP";
    const string WrongToken = "scrape-token-0123456789-abcdefghij-KLMNOQ";
    string connectionString = "";
    LogCapturingApp app = null!;

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync();
        app = new LogCapturingApp(connectionString, new Dictionary<string, string?>
        {
            [MetricsScrapeOptions.TokenSetting] = Token,
            // Everything is captured, so the test can show the token is nowhere in what the app writes.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        });
        _ = app.Server;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    static async Task<HttpResponseMessage> ScrapeAsync(OpsAppFactory target, string? token)
    {
        using var client = target.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    static async Task AssertBearerRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("The bearer token was not accepted", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains(MetricsScrapeOptions.TokenSetting, problem.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain(Token, body);
        Assert.DoesNotContain(WrongToken, body);
    }

    [Fact]
    public async Task The_configured_bearer_token_scrapes_Prometheus_text()
    {
        using var response = await ScrapeAsync(app, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(WrongToken)]
    [InlineData("short")]
    [InlineData(Token + "-and-more")]
    public async Task A_wrong_bearer_token_is_refused_with_401_without_echoing_it(string token)
    {
        using var response = await ScrapeAsync(app, token);

        await AssertBearerRefusedAsync(response);
    }

    [Fact]
    public async Task Without_any_credentials_the_machine_signature_refusal_still_answers()
    {
        using var response = await ScrapeAsync(app, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("X-Ops-Key header is missing", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_bearer_token_is_refused_when_the_setting_is_empty()
    {
        await using var off = new OpsAppFactory(connectionString, new Dictionary<string, string?> { [MetricsScrapeOptions.TokenSetting] = "" });

        using var response = await ScrapeAsync(off, Token);

        await AssertBearerRefusedAsync(response);
    }

    [Fact]
    public async Task A_signed_in_Admin_still_scrapes_beside_the_bearer_scheme()
    {
        var cookie = await app.SignInAsync("admin@demo.local");
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("Cookie", cookie);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_token_never_appears_in_the_logs()
    {
        (await ScrapeAsync(app, Token)).Dispose();
        (await ScrapeAsync(app, WrongToken)).Dispose();

        var texts = app.LogTexts.ToList();
        // The refusal is logged (so the capture works at this level), but only by what was wrong, never by the token.
        Assert.Contains(texts, t => t.Contains($"{MetricsScrapeHandler.SchemeName} was not authenticated", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(Token, StringComparison.Ordinal) || t.Contains(WrongToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_short_token_stops_start_up_with_one_line_naming_the_setting()
    {
        await using var misconfigured = new OpsAppFactory(connectionString,
            new Dictionary<string, string?> { [MetricsScrapeOptions.TokenSetting] = "only-twenty-two-chars" });

        // What Program does first after building the app, before it touches the database.
        var failure = Assert.Throws<OptionsValidationException>(() => misconfigured.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("Metrics:ScrapeToken must be at least 32 characters (or empty to turn bearer scraping off)", StartupFailure.Describe(failure));
    }
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpsConsole.Platform.Security;

namespace OpsConsole.Platform.MetricsScrape;

/// <summary>
/// The MetricsScrape scheme: accepts <c>Authorization: Bearer</c> with the token from Metrics:ScrapeToken, so a stock
/// Prometheus can scrape /metrics. The token is never logged nor written back.
/// </summary>
sealed class MetricsScrapeHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    IOptionsMonitor<MetricsScrapeOptions> settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "MetricsScrape";
    public const string ScraperName = "metrics-scraper";
    const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        // Without a bearer header the request is not ours; the cookie or HMAC scheme may still accept it.
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        var expected = settings.CurrentValue.ScrapeToken;
        if (string.IsNullOrEmpty(expected))
            return Task.FromResult(AuthenticateResult.Fail($"Bearer scraping is off ({MetricsScrapeOptions.TokenSetting} is empty)"));
        if (!Secrets.Match(header[BearerPrefix.Length..].Trim(), expected))
            return Task.FromResult(AuthenticateResult.Fail($"The bearer token does not match {MetricsScrapeOptions.TokenSetting}"));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, ScraperName)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        // No bearer header: the machine-client challenge that follows answers it.
        if (result.Failure is null || Response.HasStarted)
            return;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        // One answer whether the token is wrong or bearer scraping is off, so a caller learns nothing about the setting.
        var extensions = new Dictionary<string, object?> { ["check"] = "Authorization" };
        await TypedResults.Problem(
            $"The Authorization bearer token is not the console's {MetricsScrapeOptions.TokenSetting} (bearer scraping is off while that is empty)",
            statusCode: StatusCodes.Status401Unauthorized, title: "The bearer token was not accepted", extensions: extensions).ExecuteAsync(Context);
    }

    // A bearer identity always meets its policy; refusals of people and machine keys are answered by their own schemes.
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Task.CompletedTask;
}

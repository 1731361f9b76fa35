using Microsoft.Extensions.Options;

namespace OpsConsole.Platform.MetricsScrape;

/// <summary>Checks Metrics:ScrapeToken at start; the message names the setting and never shows the token.</summary>
sealed class MetricsScrapeOptionsValidator : IValidateOptions<MetricsScrapeOptions>
{
    public const int MinTokenLength = 32;

    public ValidateOptionsResult Validate(string? name, MetricsScrapeOptions options)
    {
        var token = options.ScrapeToken;
        if (string.IsNullOrEmpty(token))
            return ValidateOptionsResult.Success;
        if (token.Length < MinTokenLength)
            return ValidateOptionsResult.Fail(
                $"{MetricsScrapeOptions.TokenSetting} must be at least {MinTokenLength} characters (or empty to turn bearer scraping off)");
        // Prometheus trims its credentials file, so a token with outer white space could never match.
        if (token.Trim().Length != token.Length)
            return ValidateOptionsResult.Fail($"{MetricsScrapeOptions.TokenSetting} must not start or end with white space");
        return ValidateOptionsResult.Success;
    }
}
